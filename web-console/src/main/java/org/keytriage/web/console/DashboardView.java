package org.keytriage.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.accounting.HealthReport;
import org.keytriage.core.metrics.RecentTraffic;
import org.keytriage.web.console.internal.KeyRow;
import org.keytriage.web.console.internal.LiveTraffic;

/**
 * The dashboard: health, traffic of the last {@value #TRAFFIC_SECONDS} seconds, spend against
 * budgets and a gauge per key. Request-scoped: the page polls every {@value #REFRESH_SECONDS}
 * seconds and each poll reads the engine afresh (no store query: it costs what {@code
 * /api/v1/keys} costs).
 */
@Named
@RequestScoped
public class DashboardView {
  public static final int REFRESH_SECONDS = 2;
  static final int TRAFFIC_SECONDS = 10;

  @Inject KeyTriage keyTriage;
  @Inject LiveTraffic traffic;

  private HealthReport health;
  private RecentTraffic.Summary recent;
  private final List<KeyRow> keys = new ArrayList<>();
  private double spendToday;
  private double spendMonth;
  private double budgetToday;
  private double budgetMonth;

  @PostConstruct
  void read() {
    health = keyTriage.health();
    recent = traffic.last(TRAFFIC_SECONDS);
    keys.addAll(KeyRow.all(keyTriage));
    for (KeyRow row : keys) {
      spendToday += row.getDailySpend();
      spendMonth += row.getMonthlySpend();
      budgetToday += row.getDailyBudget();
      budgetMonth += row.getMonthlyBudget();
    }
  }

  public HealthReport getHealth() {
    return health;
  }

  public String getStatusSeverity() {
    return switch (health.status()) {
      case "healthy" -> "success";
      case "degraded" -> "warning";
      default -> "danger";
    };
  }

  public RecentTraffic.Summary getTraffic() {
    return recent;
  }

  public List<KeyRow> getKeys() {
    return keys;
  }

  public double getSpendToday() {
    return spendToday;
  }

  public double getSpendMonth() {
    return spendMonth;
  }

  /** The sum of the keys' daily budgets; 0 when none has one. */
  public double getBudgetToday() {
    return budgetToday;
  }

  public double getBudgetMonth() {
    return budgetMonth;
  }

  public int getBudgetTodayPercent() {
    return budgetToday <= 0 ? 0 : (int) Math.min(100, Math.round(100 * spendToday / budgetToday));
  }

  public int getBudgetMonthPercent() {
    return budgetMonth <= 0 ? 0 : (int) Math.min(100, Math.round(100 * spendMonth / budgetMonth));
  }

  public int getRefreshSeconds() {
    return REFRESH_SECONDS;
  }
}
