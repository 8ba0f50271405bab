package org.keytriage.strategies.internal;

import java.util.List;
import org.keytriage.spi.BalancingStrategy;
import org.keytriage.spi.CandidateKey;
import org.keytriage.spi.RoutingRequest;

/**
 * Starts each call one key further along and keeps the given order cyclically after it. The whole
 * list rotates (rather than only the first key moving to the front) so that when the first choice
 * is full the overflow is spread round-robin too.
 */
final class RoundRobinStrategy implements BalancingStrategy {
  private final TierCursors cursors = new TierCursors();

  @Override
  public List<CandidateKey> order(List<CandidateKey> candidates, RoutingRequest request) {
    CandidateKey[] keys = Candidates.copy(candidates);
    int n = keys.length;
    if (n > 1) {
      Candidates.rotateLeft(keys, 0, n, Math.floorMod(cursors.next(keys[0]), n));
    }
    return Candidates.asList(keys);
  }
}
