package org.keytriage.core.accounting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keytriage.core.keys.CircuitState;

/**
 * One key's figures at one moment: configuration that matters for advice, run-time state, usage in
 * the current window and totals since start. No secret.
 *
 * @param successRate percent 0..100 (100 when the key has had no calls)
 * @param averageResponseTimeMillis mean over all calls, 0 before the first
 * @param latencyEwmaMillis smoothed recent latency, -1 before the first call
 * @param circuitState the key's circuit breaker now
 * @param cooldownRemainingMillis how long the key still cools down after a 429, 0 when it does not
 * @param dailySpend cost booked on the key today (UTC)
 * @param monthlySpend cost booked on the key this month (UTC)
 * @param budgetUtilisation share of the tightest budget that applies to the key (its own or the
 *     gateway-wide one) spent, 0..1+; 0 when none applies
 */
public record KeyMetrics(
    String keyId,
    List<String> taskTypes,
    boolean backup,
    int priority,
    double costPerToken,
    long maxRpm,
    long maxTpm,
    boolean active,
    boolean quarantined,
    boolean coolingDown,
    long currentRpm,
    long currentTpm,
    long totalRequests,
    long successfulRequests,
    long failedRequests,
    double successRate,
    double averageResponseTimeMillis,
    double latencyEwmaMillis,
    long totalTokens,
    double totalCost,
    CircuitState circuitState,
    long cooldownRemainingMillis,
    double dailySpend,
    double monthlySpend,
    double budgetUtilisation) {

  public KeyMetrics {
    taskTypes = List.copyOf(taskTypes);
    circuitState = circuitState == null ? CircuitState.CLOSED : circuitState;
  }

  /** The original figures, with a closed circuit, no cooldown left and nothing spent. */
  public KeyMetrics(
      String keyId,
      List<String> taskTypes,
      boolean backup,
      int priority,
      double costPerToken,
      long maxRpm,
      long maxTpm,
      boolean active,
      boolean quarantined,
      boolean coolingDown,
      long currentRpm,
      long currentTpm,
      long totalRequests,
      long successfulRequests,
      long failedRequests,
      double successRate,
      double averageResponseTimeMillis,
      double latencyEwmaMillis,
      long totalTokens,
      double totalCost) {
    this(keyId, taskTypes, backup, priority, costPerToken, maxRpm, maxTpm, active, quarantined,
        coolingDown, currentRpm, currentTpm, totalRequests, successfulRequests, failedRequests,
        successRate, averageResponseTimeMillis, latencyEwmaMillis, totalTokens, totalCost,
        CircuitState.CLOSED, 0, 0, 0, 0);
  }

  /**
   * Whether the router may use the key now: active, not quarantined, not cooling down, circuit not
   * open, budget not exhausted.
   */
  public boolean usable() {
    return active
        && !quarantined
        && !coolingDown
        && circuitState != CircuitState.OPEN
        && budgetUtilisation < 1.0;
  }

  /** The fuller of the key's two limits in the current window, 0..1. */
  public double utilisation() {
    return Math.max((double) currentRpm / maxRpm, (double) currentTpm / maxTpm);
  }

  /**
   * One word for the key's state, the most serious first: {@code inactive}, {@code quarantined},
   * {@code circuit_open}, {@code cooling_down}, {@code over_budget} or {@code available}.
   */
  public String status() {
    if (!active) {
      return "inactive";
    }
    if (quarantined) {
      return "quarantined";
    }
    if (circuitState == CircuitState.OPEN) {
      return "circuit_open";
    }
    if (coolingDown) {
      return "cooling_down";
    }
    if (budgetUtilisation >= 1.0) {
      return "over_budget";
    }
    return "available";
  }

  public boolean serves(String taskType) {
    return backup || taskTypes.contains(taskType);
  }

  /** The guide's per-key shape plus KeyTriage's additions. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total_requests", totalRequests);
    m.put("successful_requests", successfulRequests);
    m.put("failed_requests", failedRequests);
    m.put("success_rate", successRate);
    m.put("average_response_time", averageResponseTimeMillis);
    m.put("current_rpm", currentRpm);
    m.put("current_tpm", currentTpm);
    m.put("max_rpm", maxRpm);
    m.put("max_tpm", maxTpm);
    m.put("total_tokens", totalTokens);
    m.put("total_cost", totalCost);
    m.put("is_active", active);
    m.put("is_backup", backup);
    m.put("quarantined", quarantined);
    m.put("cooling_down", coolingDown);
    m.put("cooldown_remaining_ms", cooldownRemainingMillis);
    m.put("circuit_state", circuitState.name().toLowerCase(Locale.ROOT));
    m.put("daily_spend", dailySpend);
    m.put("monthly_spend", monthlySpend);
    m.put("budget_utilisation", budgetUtilisation);
    return m;
  }
}
