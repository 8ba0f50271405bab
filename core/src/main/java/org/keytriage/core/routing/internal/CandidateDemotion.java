package org.keytriage.core.routing.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.keytriage.spi.CandidateKey;

/**
 * Moves keys that should only be used when the others cannot take a request to the back of the
 * strategy's order, within one tier. Applied after the strategy, so every strategy gets the same
 * protection without knowing about it. The result, front to back:
 *
 * <ol>
 *   <li>keys in good standing, in the strategy's order;
 *   <li>keys above the budget warning share, cheapest first (spend the remaining budget where it
 *       buys most tokens), ties in the strategy's order;
 *   <li>slow keys: latency EWMA above {@code latencyFactor} × the best EWMA among these candidates
 *       (the best taken as at least {@code latencyFloorMillis}), in the strategy's order. A key
 *       with no samples is never slow. It recovers as soon as its EWMA falls back under the bar.
 * </ol>
 *
 * <p>The comparison is among the candidates of one tier because tiers are never reordered against
 * each other: a slow specialised key still comes before any backup key.
 */
public final class CandidateDemotion {
  private final double latencyFactor;
  private final double latencyFloorMillis;
  private final double budgetWarningShare;

  public CandidateDemotion(double latencyFactor, double latencyFloorMillis, double budgetWarningShare) {
    this.latencyFactor = latencyFactor;
    this.latencyFloorMillis = latencyFloorMillis;
    this.budgetWarningShare = budgetWarningShare;
  }

  /** Reorders {@code ordered} (the strategy's order); returns a new list, the input is untouched. */
  public List<CandidateKey> apply(List<CandidateKey> ordered) {
    if (ordered.size() < 2) {
      return ordered;
    }
    double slowAbove = latencyFactor * Math.max(bestLatency(ordered), latencyFloorMillis);
    List<CandidateKey> good = new ArrayList<>(ordered.size());
    List<CandidateKey> overWarning = new ArrayList<>();
    List<CandidateKey> slow = new ArrayList<>();
    for (CandidateKey c : ordered) {
      if (!c.latencyUnknown() && c.latencyMillis() > slowAbove) {
        slow.add(c);
      } else if (c.budgetUtilisation() > budgetWarningShare) {
        overWarning.add(c);
      } else {
        good.add(c);
      }
    }
    if (overWarning.isEmpty() && slow.isEmpty()) {
      return ordered;
    }
    overWarning.sort(Comparator.comparingDouble(CandidateKey::costPerToken)); // stable
    good.addAll(overWarning);
    good.addAll(slow);
    return good;
  }

  /** The lowest known latency; infinity when no candidate has samples (so nothing is slow). */
  private static double bestLatency(List<CandidateKey> candidates) {
    double best = Double.POSITIVE_INFINITY;
    for (CandidateKey c : candidates) {
      if (!c.latencyUnknown()) {
        best = Math.min(best, c.latencyMillis());
      }
    }
    return best;
  }
}
