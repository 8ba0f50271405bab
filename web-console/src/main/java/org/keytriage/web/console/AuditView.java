package org.keytriage.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.keytriage.core.audit.AuditEntry;
import org.keytriage.core.audit.AuditQuery;
import org.keytriage.core.audit.ChainVerification;
import org.keytriage.web.console.internal.UtcTimes;
import org.keytriage.web.engine.KeyTriageEngine;
import org.keytriage.web.history.internal.Stored;

/**
 * The audit trail, filtered by time, actor, action (a prefix ending in a dot, such as {@code
 * key.}, matches every action under it) and target, newest first, with the hash chain's
 * verification (checked when the page opens and on demand).
 */
@Named
@ViewScoped
public class AuditView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject KeyTriageEngine engine;

  /** One entry as listed. */
  public record Row(long seq, String at, String actor, String action, String target, String details)
      implements Serializable {}

  private LocalDateTime from;
  private LocalDateTime to;
  private String actor;
  private String action;
  private String target;
  private boolean stored;
  private List<Row> rows = List.of();
  private transient ChainVerification verification; // checked again after the view was replicated

  @PostConstruct
  void init() {
    stored = engine.running().audit().isPresent();
    if (stored) {
      search();
      verify();
    }
  }

  public void search() {
    if (from != null && to != null && !from.isBefore(to)) {
      org.keytriage.web.console.internal.Messages.error("Check the time range", "From must be before To.");
      return;
    }
    AuditQuery query = new AuditQuery(UtcTimes.instant(from), UtcTimes.instant(to), blank(actor), blank(action),
        blank(target), 0, AuditQuery.MAX_LIMIT);
    List<AuditEntry> found = Stored.audit(engine.running()).find(query);
    rows = found.stream().sorted((a, b) -> Long.compare(b.seq(), a.seq()))
        .map(e -> new Row(e.seq(), e.record().at().toString(), e.record().actor(), e.record().action(),
            e.record().target(), details(e.record().details())))
        .toList();
  }

  public void verify() {
    verification = Stored.audit(engine.running()).verify();
  }

  private static String details(Map<String, String> d) {
    return d.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  public boolean isStored() {
    return stored;
  }

  public List<Row> getRows() {
    return rows;
  }

  public ChainVerification getVerification() {
    if (verification == null && stored) {
      verify();
    }
    return verification;
  }

  public LocalDateTime getFrom() { return from; }
  public void setFrom(LocalDateTime v) { from = v; }
  public LocalDateTime getTo() { return to; }
  public void setTo(LocalDateTime v) { to = v; }
  public String getActor() { return actor; }
  public void setActor(String v) { actor = v; }
  public String getAction() { return action; }
  public void setAction(String v) { action = v; }
  public String getTarget() { return target; }
  public void setTarget(String v) { target = v; }
}
