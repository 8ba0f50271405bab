package org.keytriage.core.accounting;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the gateway has counted, in the guide's shape: {@code total_cost}, {@code
 * total_requests}, {@code overall_success_rate} (percent), {@code key_metrics}, {@code
 * cost_analysis} (cost per key), {@code task_distribution} (requests per key per task type), plus
 * {@code task_metrics} and {@code timestamp}.
 */
public record MetricsSnapshot(
    Instant timestamp,
    Map<String, KeyMetrics> keyMetrics,
    Map<String, TaskMetrics> taskMetrics,
    Map<String, Map<String, Long>> taskDistribution) {

  public MetricsSnapshot {
    keyMetrics = Map.copyOf(keyMetrics);
    taskMetrics = Map.copyOf(taskMetrics);
    taskDistribution = Map.copyOf(taskDistribution);
  }

  public double totalCost() {
    return keyMetrics.values().stream().mapToDouble(KeyMetrics::totalCost).sum();
  }

  public long totalRequests() {
    return keyMetrics.values().stream().mapToLong(KeyMetrics::totalRequests).sum();
  }

  public long totalTokens() {
    return keyMetrics.values().stream().mapToLong(KeyMetrics::totalTokens).sum();
  }

  /** Percent 0..100 over all keys; 100 when nothing was called. */
  public double overallSuccessRate() {
    long total = totalRequests();
    long ok = keyMetrics.values().stream().mapToLong(KeyMetrics::successfulRequests).sum();
    return total == 0 ? 100.0 : 100.0 * ok / total;
  }

  /** Cost per key, the guide's {@code cost_analysis}. */
  public Map<String, Double> costAnalysis() {
    Map<String, Double> m = new java.util.TreeMap<>();
    keyMetrics.forEach((id, k) -> m.put(id, k.totalCost()));
    return m;
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("timestamp", timestamp.toString());
    m.put("total_cost", totalCost());
    m.put("total_requests", totalRequests());
    m.put("total_tokens", totalTokens());
    m.put("overall_success_rate", overallSuccessRate());
    Map<String, Object> keys = new java.util.TreeMap<>();
    keyMetrics.forEach((id, k) -> keys.put(id, k.toJson()));
    m.put("key_metrics", keys);
    m.put("cost_analysis", costAnalysis());
    m.put("task_distribution", new java.util.TreeMap<>(taskDistribution));
    Map<String, Object> tasks = new java.util.TreeMap<>();
    taskMetrics.forEach((t, tm) -> tasks.put(t, tm.toJson()));
    m.put("task_metrics", tasks);
    return m;
  }
}
