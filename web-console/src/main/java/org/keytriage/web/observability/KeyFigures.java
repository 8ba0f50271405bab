package org.keytriage.web.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.accounting.KeyMetrics;
import org.keytriage.core.accounting.MetricsSnapshot;

/**
 * The engine's per-key and per-task figures, computed at most once a second: a scrape reads a
 * dozen gauges per key, and each would otherwise compute every key's figures again.
 */
@ApplicationScoped
public class KeyFigures {
  private static final long MAX_AGE_NANOS = 1_000_000_000L;

  @Inject KeyTriage keyTriage;

  private volatile Snapshot snapshot;

  private record Snapshot(long takenAtNanos, Map<String, KeyMetrics> keys, MetricsSnapshot metrics) {}

  /** The key's figures now (at most a second old); null for an unknown key. */
  public KeyMetrics key(String keyId) {
    return current().keys().get(keyId);
  }

  /** Cost booked for a task type so far. */
  public double taskCost(String taskType) {
    var t = current().metrics().taskMetrics().get(taskType);
    return t == null ? 0 : t.totalCost();
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    long now = System.nanoTime();
    if (s == null || now - s.takenAtNanos() > MAX_AGE_NANOS) {
      MetricsSnapshot metrics = keyTriage.metrics();
      Map<String, KeyMetrics> keys = new LinkedHashMap<>(metrics.keyMetrics());
      s = new Snapshot(now, keys, metrics);
      snapshot = s;
    }
    return s;
  }
}
