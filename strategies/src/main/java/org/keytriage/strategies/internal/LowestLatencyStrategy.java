package org.keytriage.strategies.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.keytriage.spi.BalancingStrategy;
import org.keytriage.spi.CandidateKey;
import org.keytriage.spi.RoutingRequest;

/**
 * Fastest first by the router's smoothed latency. Keys with no samples yet go before all others:
 * placed last, a new key would only ever be tried when every measured key is full, so it would
 * never get the samples that could show it is the fastest. Trying it once is cheap and settles it.
 *
 * <p>The same starvation hits a key that was slow once: its average only changes when it is used.
 * With an exploration share above 0, that share of calls moves one of the other keys to the front,
 * taking them in turn, so every key's latency keeps being refreshed.
 */
final class LowestLatencyStrategy implements BalancingStrategy {
  /** Unknown latency first, then ascending; a NaN latency sorts last via {@link Double#compare}. */
  static final Comparator<CandidateKey> UNKNOWN_FIRST_THEN_FASTEST =
      (a, b) -> {
        boolean aUnknown = a.latencyUnknown();
        boolean bUnknown = b.latencyUnknown();
        if (aUnknown || bUnknown) {
          return Boolean.compare(bUnknown, aUnknown);
        }
        return Double.compare(a.latencyMillis(), b.latencyMillis());
      };

  private final ExplorationSchedule exploration;

  LowestLatencyStrategy(double explorationShare) {
    this.exploration = new ExplorationSchedule(explorationShare);
  }

  @Override
  public List<CandidateKey> order(List<CandidateKey> candidates, RoutingRequest request) {
    CandidateKey[] keys = Candidates.copy(candidates);
    int n = keys.length;
    if (n > 1) {
      Arrays.sort(keys, UNKNOWN_FIRST_THEN_FASTEST);
      long turn = exploration.next();
      if (turn != ExplorationSchedule.NO) {
        // positions 1..n-1 in turn: every key but the current favourite gets its sample
        Candidates.moveToFront(keys, 1 + (int) (turn % (n - 1)));
      }
    }
    return Candidates.asList(keys);
  }
}
