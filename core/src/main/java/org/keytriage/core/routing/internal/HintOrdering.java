package org.keytriage.core.routing.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.keytriage.spi.CandidateKey;
import org.keytriage.spi.RoutingHints;

/**
 * What a task handler's hints change in the order, after the strategy and the demotions: a
 * cost-sensitive request (batch work) takes the cheapest key with room first, whatever the task's
 * strategy, keeping the strategy's order among keys of equal price (the sort is stable).
 * Latency-sensitive requests rely on the latency demotion every request gets.
 */
final class HintOrdering {
  private HintOrdering() {}

  static List<CandidateKey> apply(List<CandidateKey> ordered, RoutingHints hints) {
    if (!hints.costSensitive() || ordered.size() < 2) {
      return ordered;
    }
    List<CandidateKey> byCost = new ArrayList<>(ordered);
    byCost.sort(Comparator.comparingDouble(CandidateKey::costPerToken));
    return byCost;
  }
}
