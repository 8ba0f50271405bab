package org.keytriage.core.routing.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.keytriage.spi.CandidateKey;
import org.keytriage.spi.ClinicalPriority;
import org.keytriage.spi.RoutingHints;

/**
 * What a request's hints do to the order of one tier's candidates, after the strategy and the
 * demotions (both sorts are stable, so equal keys keep the strategy's order):
 *
 * <ul>
 *   <li>cost-sensitive (batch work): the cheapest key with room first;
 *   <li>otherwise, when the request wants speed — {@code latencySensitive}, a {@code streaming}
 *       answer (its reader waits for the first token), or {@link ClinicalPriority#HIGH} urgent
 *       work — the lowest-latency key first; keys without latency samples come after those with,
 *       in the strategy's order, so speed is chosen on evidence.
 * </ul>
 *
 * <p>Tiers are never reordered against each other: a fast backup never jumps a specialised key.
 */
final class HintOrdering {
  private static final Comparator<CandidateKey> BY_COST = Comparator.comparingDouble(CandidateKey::costPerToken);
  private static final Comparator<CandidateKey> BY_LATENCY =
      Comparator.comparing(CandidateKey::latencyUnknown).thenComparingDouble(CandidateKey::latencyMillis);

  private HintOrdering() {}

  static List<CandidateKey> apply(List<CandidateKey> ordered, RoutingHints hints) {
    if (ordered.size() < 2) {
      return ordered;
    }
    Comparator<CandidateKey> order = hints.costSensitive() ? BY_COST : wantsSpeed(hints) ? BY_LATENCY : null;
    if (order == null) {
      return ordered;
    }
    List<CandidateKey> sorted = new ArrayList<>(ordered);
    sorted.sort(order);
    return sorted;
  }

  static boolean wantsSpeed(RoutingHints hints) {
    return hints.latencySensitive() || hints.streaming() || hints.clinicalPriority() == ClinicalPriority.HIGH;
  }
}
