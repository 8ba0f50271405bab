package org.keytriage.core.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keytriage.spi.CandidateKey;
import org.keytriage.spi.ClinicalPriority;
import org.keytriage.spi.KeyTier;
import org.keytriage.spi.RoutingHints;

class HintOrderingTest {
  // the strategy's order: slow-and-cheap, fast-and-dear, unsampled, medium
  private final List<CandidateKey> strategyOrder = List.of(
      key("slow", 900, 0.00001), key("fast", 40, 0.0003), key("new", -1, 0.0001), key("medium", 200, 0.0002));

  @Test
  void normalWorkKeepsTheStrategysOrder() {
    assertThat(ids(HintOrdering.apply(strategyOrder, RoutingHints.DEFAULT)))
        .containsExactly("slow", "fast", "new", "medium");
  }

  @Test
  void latencySensitiveStreamingAndHighPriorityWorkTakeTheFastestKeyWithEvidenceFirst() {
    for (RoutingHints h : List.of(
        RoutingHints.builder().latencySensitive(true).build(),
        RoutingHints.builder().streaming(true).build(),
        RoutingHints.builder().clinicalPriority(ClinicalPriority.HIGH).build())) {
      assertThat(ids(HintOrdering.apply(strategyOrder, h))).as("%s", h)
          .containsExactly("fast", "medium", "slow", "new");
    }
  }

  @Test
  void costSensitiveWorkTakesTheCheapestKeyEvenWhenItAlsoAsksForSpeed() {
    RoutingHints batch = RoutingHints.builder().costSensitive(true).latencySensitive(true)
        .clinicalPriority(ClinicalPriority.LOW).build();
    assertThat(ids(HintOrdering.apply(strategyOrder, batch))).containsExactly("slow", "new", "medium", "fast");
  }

  @Test
  void aSingleCandidateIsReturnedAsItIs() {
    List<CandidateKey> one = List.of(key("only", 10, 0.1));
    assertThat(HintOrdering.apply(one, RoutingHints.builder().latencySensitive(true).build())).isSameAs(one);
  }

  private static CandidateKey key(String id, double latencyMillis, double costPerToken) {
    return new CandidateKey(id, KeyTier.SPECIALISED, 1, 1.0, costPerToken, 100, 10_000, 0, 0, latencyMillis, 1.0, 100,
        0);
  }

  private static List<String> ids(List<CandidateKey> keys) {
    return keys.stream().map(CandidateKey::keyId).toList();
  }
}
