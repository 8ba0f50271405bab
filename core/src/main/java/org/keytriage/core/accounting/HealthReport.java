package org.keytriage.core.accounting;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guide's health answer: {@code status} ({@code healthy} at score ≥ 80 with every task type
 * served, {@code degraded} at ≥ 50 or when a task type has no usable key, else {@code unhealthy}),
 * {@code health_score} 0..100 and {@code api_key_status}.
 *
 * @param unservedTaskTypes configured task types with no usable key right now
 */
public record HealthReport(
    Instant timestamp,
    String status,
    int healthScore,
    int totalKeys,
    int activeKeys,
    int usableKeys,
    int quarantinedKeys,
    int coolingDownKeys,
    List<String> unservedTaskTypes) {

  public HealthReport {
    unservedTaskTypes = List.copyOf(unservedTaskTypes);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put("total_keys", totalKeys);
    keys.put("active_keys", activeKeys);
    keys.put("usable_keys", usableKeys);
    keys.put("inactive_keys", totalKeys - activeKeys);
    keys.put("quarantined_keys", quarantinedKeys);
    keys.put("cooling_down_keys", coolingDownKeys);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", status);
    m.put("health_score", healthScore);
    m.put("api_key_status", keys);
    m.put("unserved_task_types", unservedTaskTypes);
    m.put("timestamp", timestamp.toString());
    return m;
  }
}
