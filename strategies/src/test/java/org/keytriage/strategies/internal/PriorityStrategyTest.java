package org.keytriage.strategies.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keytriage.strategies.internal.TestKeys.REQUEST;
import static org.keytriage.strategies.internal.TestKeys.firstPlaces;
import static org.keytriage.strategies.internal.TestKeys.ids;
import static org.keytriage.strategies.internal.TestKeys.key;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keytriage.spi.BalancingStrategy;
import org.keytriage.spi.CandidateKey;
import org.keytriage.spi.ProviderConfig;

class PriorityStrategyTest {
  private final BalancingStrategy rotating =
      new PriorityStrategyFactory().create(ProviderConfig.empty());
  private final BalancingStrategy fixed =
      new PriorityStrategyFactory()
          .create(ProviderConfig.of(Map.of(PriorityStrategyFactory.ROTATE_TIES, "false")));

  @Test
  void highestPriorityNumberFirst() {
    var low = key("low").priority(1).build();
    var high = key("high").priority(5).build();
    var mid = key("mid").priority(3).build();
    assertThat(ids(rotating.order(List.of(low, high, mid), REQUEST)))
        .containsExactly("high", "mid", "low");
  }

  @Test
  void lowerPrioritiesComeOnlyAfterAllHigherOnes() {
    List<CandidateKey> keys =
        List.of(
            key("p1").priority(1).build(),
            key("p5a").priority(5).build(),
            key("p3").priority(3).build(),
            key("p5b").priority(5).build());
    for (int i = 0; i < 100; i++) {
      List<String> order = ids(rotating.order(keys, REQUEST));
      assertThat(order.subList(0, 2)).containsExactlyInAnyOrder("p5a", "p5b");
      assertThat(order.subList(2, 4)).containsExactly("p3", "p1");
    }
  }

  @Test
  void equalPrioritiesTakeTurnsByDefault() {
    List<CandidateKey> keys =
        List.of(
            key("a").priority(5).build(),
            key("b").priority(5).build(),
            key("c").priority(5).build(),
            key("backup").priority(2).build());
    assertThat(firstPlaces(rotating, keys, 300)).isEqualTo(Map.of("a", 100, "b", 100, "c", 100));
  }

  @Test
  void equalLowerPrioritiesTakeTurnsToo() {
    List<CandidateKey> keys =
        List.of(
            key("top").priority(5).build(),
            key("x").priority(1).build(),
            key("y").priority(1).build());
    assertThat(ids(rotating.order(keys, REQUEST))).containsExactly("top", "x", "y");
    assertThat(ids(rotating.order(keys, REQUEST))).containsExactly("top", "y", "x");
  }

  @Test
  void withoutRotationEqualPrioritiesKeepTheGivenOrder() {
    List<CandidateKey> keys =
        List.of(
            key("low").priority(1).build(),
            key("a").priority(4).build(),
            key("b").priority(4).build());
    for (int i = 0; i < 5; i++) {
      assertThat(ids(fixed.order(keys, REQUEST))).containsExactly("a", "b", "low");
    }
  }
}
