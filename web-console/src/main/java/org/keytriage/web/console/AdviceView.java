package org.keytriage.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.accounting.OptimizationReport;
import org.keytriage.core.accounting.Recommendation;
import org.keytriage.core.accounting.RecommendationType;
import org.keytriage.core.errors.KeyTriageException;
import org.keytriage.web.console.internal.Messages;
import org.keytriage.web.engine.KeyTriageEngine;

/**
 * The optimisation report: the 0–100 score and the recommendations. Where a recommendation is an
 * action the engine can take (use {@value #LOWEST_COST} for a task type, activate or restore a
 * key), an admin does it with one click; the change is audited as any other.
 */
@Named
@ViewScoped
public class AdviceView implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String LOWEST_COST = "lowest_cost";

  @Inject KeyTriageEngine engine;
  @Inject ConsoleSession operator;

  /** A recommendation and the action that follows it, if there is one. */
  public record Row(String type, String subject, String message, int penalty, String action, String actionLabel)
      implements Serializable {}

  private int score;
  private List<Row> rows = List.of();

  @PostConstruct
  void load() {
    KeyTriage kt = engine.running();
    OptimizationReport report = kt.optimize();
    score = report.optimizationScore();
    List<Row> out = new ArrayList<>();
    for (Recommendation r : report.recommendations()) {
      String action = null;
      String label = null;
      if (r.type().equals(RecommendationType.CHEAPER_KEY_AVAILABLE.id()) && kt.strategies().find(LOWEST_COST).isPresent()
          && kt.taskTypes().contains(r.subject()) && !LOWEST_COST.equals(kt.strategyOf(r.subject()))) {
        action = "lowest_cost";
        label = "Use lowest_cost for " + r.subject();
      } else if (r.type().equals(RecommendationType.INACTIVE_KEY.id()) && kt.keys().contains(r.subject())) {
        boolean quarantined = kt.state(r.subject()).quarantined();
        action = quarantined ? "restore" : "activate";
        label = (quarantined ? "Restore " : "Activate ") + r.subject();
      }
      out.add(new Row(r.type(), r.subject(), r.message(), r.penalty(), action, label));
    }
    rows = out;
  }

  public void act(String action, String subject) {
    KeyTriage kt = engine.running();
    try {
      String who = operator.requireAdmin();
      switch (action) {
        case "lowest_cost" -> kt.useStrategy(subject, LOWEST_COST, who, "console: optimisation advice");
        case "activate" -> kt.keys().setActive(subject, true, who, "console: optimisation advice");
        case "restore" -> kt.keys().restore(subject, who, "console: optimisation advice");
        default -> throw new ConsoleRefusal("No such action: " + action);
      }
      Messages.info("Done", action + " for " + subject + ".");
    } catch (ConsoleRefusal | KeyTriageException | IllegalArgumentException e) {
      Messages.error("Not done", e.getMessage());
    }
    load();
  }

  public int getScore() {
    return score;
  }

  public List<Row> getRows() {
    return rows;
  }
}
