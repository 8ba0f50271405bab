package org.keytriage.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.keytriage.core.routing.internal.CandidateDemotion;
import org.keytriage.spi.CandidateKey;
import org.junit.jupiter.api.Test;

/** Latency and budget demotion, applied after the strategy's order. */
class CandidateDemotionTest {
  private final CandidateDemotion demotion = new CandidateDemotion(3.0, 50, 0.8);

  private static CandidateKey key(String id, double latency, double cost, double budget) {
    return CandidateKey.builder(id).latencyMillis(latency).costPerToken(cost).budgetUtilisation(budget).build();
  }

  private static List<String> ids(List<CandidateKey> keys) {
    return keys.stream().map(CandidateKey::keyId).toList();
  }

  @Test
  void aKeyOverThreeTimesTheBestLatencyGoesToTheEndOfItsTier() {
    List<CandidateKey> order =
        List.of(key("slow", 700, 0, 0), key("a", 200, 0, 0), key("b", 250, 0, 0));
    assertThat(ids(demotion.apply(order))).containsExactly("a", "b", "slow");
  }

  @Test
  void exactlyThreeTimesIsNotSlowAndAKeyWithoutSamplesNeverIs() {
    List<CandidateKey> order =
        List.of(key("edge", 600, 0, 0), key("new", -1, 0, 0), key("best", 200, 0, 0));
    assertThat(ids(demotion.apply(order))).containsExactly("edge", "new", "best");
  }

  @Test
  void aKeyRecoversAsSoonAsItsLatencyIsBackUnderTheBar() {
    List<CandidateKey> before = List.of(key("k", 900, 0, 0), key("best", 200, 0, 0));
    List<CandidateKey> after = List.of(key("k", 590, 0, 0), key("best", 200, 0, 0));
    assertThat(ids(demotion.apply(before))).containsExactly("best", "k");
    assertThat(ids(demotion.apply(after))).containsExactly("k", "best");
  }

  @Test
  void millisecondJitterUnderTheFloorDemotesNobody() {
    List<CandidateKey> order = List.of(key("a", 40, 0, 0), key("b", 1, 0, 0));
    assertThat(ids(demotion.apply(order))).containsExactly("a", "b");
  }

  @Test
  void keysOverTheBudgetWarningShareGoBehindTheOthersCheapestFirst() {
    List<CandidateKey> order =
        List.of(
            key("pricey-warned", 100, 0.03, 0.85),
            key("cheap-warned", 100, 0.01, 0.95),
            key("fine", 100, 0.05, 0.5),
            key("at-share", 100, 0.05, 0.8));
    assertThat(ids(demotion.apply(order)))
        .containsExactly("fine", "at-share", "cheap-warned", "pricey-warned");
  }

  @Test
  void slowKeysComeAfterBudgetWarnedOnes() {
    List<CandidateKey> order =
        List.of(key("slow", 1_000, 0, 0), key("warned", 100, 0, 0.9), key("fine", 100, 0, 0));
    assertThat(ids(demotion.apply(order))).containsExactly("fine", "warned", "slow");
  }

  @Test
  void theStrategysOrderIsKeptWhenNothingIsDemoted() {
    List<CandidateKey> order = List.of(key("c", 100, 0, 0), key("a", 120, 0, 0), key("b", 90, 0, 0));
    assertThat(demotion.apply(order)).isSameAs(order);
  }
}
