package org.keytriage.core.accounting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.keytriage.core.keys.CircuitState;

/**
 * Turns key metrics into a {@link HealthReport}.
 *
 * <p>Score = 60 % key health + 40 % task coverage. Key health is the mean over active keys of 100 ×
 * success ratio, 0 for a quarantined key and halved while a key cools down or its circuit is open
 * (both are temporary); an administrator's
 * deliberate deactivation is not counted against health. Task coverage is the share of task types
 * with at least one usable key. No active key at all scores 0.
 */
public final class HealthAssessor {
  static final int HEALTHY_AT = 80;
  static final int DEGRADED_AT = 50;

  public HealthReport assess(
      Instant now, Collection<KeyMetrics> keys, Collection<String> taskTypes) {
    int active = 0;
    int usable = 0;
    int quarantined = 0;
    int cooling = 0;
    double keyHealthSum = 0;
    for (KeyMetrics k : keys) {
      if (k.quarantined()) {
        quarantined++;
      }
      if (k.coolingDown()) {
        cooling++;
      }
      if (!k.active()) {
        continue;
      }
      active++;
      if (k.usable()) {
        usable++;
      }
      double h = k.quarantined() ? 0 : k.successRate();
      boolean temporarilyOut = k.coolingDown() || k.circuitState() == CircuitState.OPEN;
      keyHealthSum += temporarilyOut ? h / 2 : h;
    }
    List<String> unserved = new ArrayList<>();
    for (String task : taskTypes) {
      if (keys.stream().noneMatch(k -> k.usable() && k.serves(task))) {
        unserved.add(task);
      }
    }
    int score = 0;
    if (active > 0) {
      double keyHealth = keyHealthSum / active;
      double coverage =
          taskTypes.isEmpty() ? 1.0 : (double) (taskTypes.size() - unserved.size()) / taskTypes.size();
      score = (int) Math.round(0.6 * keyHealth + 0.4 * 100 * coverage);
    }
    String status;
    if (score >= HEALTHY_AT && unserved.isEmpty()) {
      status = "healthy";
    } else if (score >= DEGRADED_AT) {
      status = "degraded";
    } else {
      status = "unhealthy";
    }
    return new HealthReport(
        now, status, score, keys.size(), active, usable, quarantined, cooling, unserved);
  }
}
