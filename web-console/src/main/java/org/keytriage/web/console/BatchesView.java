package org.keytriage.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.audit.AuditRecord;
import org.keytriage.core.batch.Batch;
import org.keytriage.web.batches.BatchService;
import org.keytriage.web.console.internal.Messages;
import org.keytriage.web.engine.KeyTriageEngine;

/** The batches this node runs and keeps: progress, cost so far; an admin cancels one (audited). */
@Named
@ViewScoped
public class BatchesView implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(BatchesView.class.getName());

  @Inject BatchService batches;
  @Inject KeyTriageEngine engine;
  @Inject ConsoleSession operator;

  /** One batch's progress. */
  public record Row(String id, String owner, String taskType, String status, int total, int ended, int failed,
      int percent, double cost, String createdAt) implements Serializable {
    public boolean running() {
      return "running".equals(status);
    }
  }

  private List<Row> rows = List.of();

  @PostConstruct
  void load() {
    List<Row> out = new ArrayList<>();
    List<Batch> all = new ArrayList<>(batches.all());
    all.sort(Comparator.comparing(Batch::createdAt).reversed());
    for (Batch b : all) {
      int ended = b.completed() + b.failed() + b.skipped();
      out.add(new Row(b.id(), b.owner(), b.taskType(), b.status().name().toLowerCase(Locale.ROOT), b.total(), ended,
          b.failed(), b.total() == 0 ? 100 : 100 * ended / b.total(), b.costSoFar(), b.createdAt().toString()));
    }
    rows = out;
  }

  public void refresh() {
    load();
  }

  public void cancel(String id) {
    try {
      String who = operator.requireAdmin();
      Batch batch = batches.find(id).orElseThrow(() -> new ConsoleRefusal("Batch " + id + " is no longer kept."));
      if (batch.cancel()) {
        KeyTriage kt = engine.running();
        kt.audit().ifPresent(a -> a.recordNow(new AuditRecord(kt.clock().instant(), who, "batch.cancelled", id,
            Map.of("owner", batch.owner(), "task_type", batch.taskType()))));
        LOG.log(Level.INFO, "Batch {0} cancelled by {1} in the console", new Object[] {id, who});
        Messages.info("Batch cancelled", "Items not started yet are skipped; items in flight finish.");
      } else {
        Messages.info("Nothing to cancel", "Batch " + id + " had finished already.");
      }
    } catch (ConsoleRefusal e) {
      Messages.error("Not cancelled", e.getMessage());
    }
    load();
  }

  public List<Row> getRows() {
    return rows;
  }
}
