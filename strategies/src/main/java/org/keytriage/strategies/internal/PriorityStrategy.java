package org.keytriage.strategies.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.keytriage.spi.BalancingStrategy;
import org.keytriage.spi.CandidateKey;
import org.keytriage.spi.RoutingRequest;

/**
 * Highest priority number first, so the router reaches a lower priority only when every key above
 * it is full. Within one priority the keys either rotate round-robin (spreading the load over
 * equals, the default) or keep the given order (a strict primary/secondary list).
 */
final class PriorityStrategy implements BalancingStrategy {
  private static final Comparator<CandidateKey> BY_PRIORITY_DESCENDING =
      (a, b) -> Integer.compare(b.priority(), a.priority());

  private final boolean rotateTies;
  private final TierCursors cursors = new TierCursors();

  PriorityStrategy(boolean rotateTies) {
    this.rotateTies = rotateTies;
  }

  @Override
  public List<CandidateKey> order(List<CandidateKey> candidates, RoutingRequest request) {
    CandidateKey[] keys = Candidates.copy(candidates);
    if (keys.length > 1) {
      Arrays.sort(keys, BY_PRIORITY_DESCENDING);
      if (rotateTies) {
        rotateEachPriority(keys, cursors.next(keys[0]));
      }
    }
    return Candidates.asList(keys);
  }

  /**
   * One turn rotates every run of equal priority by {@code turn mod runLength}, so each run cycles
   * evenly through its keys over successive calls.
   */
  private static void rotateEachPriority(CandidateKey[] keys, long turn) {
    int start = 0;
    for (int i = 1; i <= keys.length; i++) {
      if (i == keys.length || keys[i].priority() != keys[start].priority()) {
        int length = i - start;
        if (length > 1) {
          Candidates.rotateLeft(keys, start, i, Math.floorMod(turn, length));
        }
        start = i;
      }
    }
  }
}
