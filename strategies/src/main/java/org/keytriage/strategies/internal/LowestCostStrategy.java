package org.keytriage.strategies.internal;

import java.util.Comparator;
import java.util.List;
import org.keytriage.spi.BalancingStrategy;
import org.keytriage.spi.CandidateKey;
import org.keytriage.spi.RoutingRequest;

/**
 * Cheapest per token first. Keys at the same price are ordered least loaded first, so equally cheap
 * keys share the load instead of the first one filling up before the next is tried.
 */
final class LowestCostStrategy implements BalancingStrategy {
  static final Comparator<CandidateKey> BY_COST_THEN_LOAD =
      Comparator.comparingDouble(CandidateKey::costPerToken)
          .thenComparing(LeastLoadedStrategy.BY_UTILISATION);

  @Override
  public List<CandidateKey> order(List<CandidateKey> candidates, RoutingRequest request) {
    return Candidates.sorted(candidates, BY_COST_THEN_LOAD);
  }
}
