package org.keytriage.strategies.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.keytriage.strategies.internal.TestKeys.REQUEST;
import static org.keytriage.strategies.internal.TestKeys.firstPlaces;
import static org.keytriage.strategies.internal.TestKeys.ids;
import static org.keytriage.strategies.internal.TestKeys.key;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.keytriage.spi.BalancingStrategy;
import org.keytriage.spi.CandidateKey;
import org.keytriage.spi.ProviderConfig;

class WeightedStrategyTest {
  private final BalancingStrategy strategy =
      new WeightedStrategyFactory().create(ProviderConfig.empty());
  private final List<CandidateKey> oneTwoThree =
      List.of(
          key("one").weight(1).build(),
          key("two").weight(2).build(),
          key("three").weight(3).build());

  @Test
  void firstPlaceSharesFollowTheWeights() {
    Map<String, Integer> counts = firstPlaces(strategy, oneTwoThree, 6000);
    assertThat(counts.get("one") / 6000.0).isCloseTo(1 / 6.0, within(0.01));
    assertThat(counts.get("two") / 6000.0).isCloseTo(2 / 6.0, within(0.01));
    assertThat(counts.get("three") / 6000.0).isCloseTo(3 / 6.0, within(0.01));
  }

  @Test
  void picksAreInterleavedLikeNginx() {
    List<CandidateKey> keys =
        List.of(key("a").weight(5).build(), key("b").weight(1).build(), key("c").weight(1).build());
    List<String> firsts = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      firsts.add(strategy.order(keys, REQUEST).get(0).keyId());
    }
    assertThat(firsts).containsExactly("a", "a", "b", "a", "c", "a", "a");
  }

  @Test
  void theOthersFollowByHowMuchTheyAreOwed() {
    List<CandidateKey> keys =
        List.of(key("a").weight(3).build(), key("b").weight(2).build(), key("c").weight(1).build());
    // currents 3,2,1: a goes and drops to -3
    assertThat(ids(strategy.order(keys, REQUEST))).containsExactly("a", "b", "c");
    // currents 0,4,2: b goes; c is owed more than a
    assertThat(ids(strategy.order(keys, REQUEST))).containsExactly("b", "c", "a");
  }

  @Test
  void isDeterministic() {
    BalancingStrategy other = new WeightedStrategyFactory().create(ProviderConfig.empty());
    for (int i = 0; i < 100; i++) {
      assertThat(strategy.order(oneTwoThree, REQUEST)).isEqualTo(other.order(oneTwoThree, REQUEST));
    }
  }

  @Test
  void zeroOrNegativeWeightsGetTheMinimumInsteadOfNever() {
    BalancingStrategy halfMinimum =
        new WeightedStrategyFactory()
            .create(ProviderConfig.of(Map.of(WeightedStrategyFactory.MIN_WEIGHT, "0.5")));
    List<CandidateKey> keys =
        List.of(
            key("normal").weight(1).build(),
            key("zero").weight(0).build(),
            key("negative").weight(-3).build());
    Map<String, Integer> counts = firstPlaces(halfMinimum, keys, 2000);
    assertThat(counts).containsEntry("normal", 1000).containsEntry("zero", 500);
    assertThat(counts).containsEntry("negative", 500);
  }

  @Test
  void exactSharesUnderConcurrency() throws Exception {
    Map<String, Integer> counts = new ConcurrentHashMap<>();
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(
            executor.submit(
                () -> {
                  for (int i = 0; i < 1500; i++) {
                    counts.merge(
                        strategy.order(oneTwoThree, REQUEST).get(0).keyId(), 1, Integer::sum);
                  }
                }));
      }
      for (Future<?> future : futures) {
        future.get(1, TimeUnit.MINUTES);
      }
    } finally {
      executor.shutdownNow();
    }
    assertThat(counts).isEqualTo(Map.of("one", 1000, "two", 2000, "three", 3000));
  }

  @Test
  void rejectsAMinimumWeightThatIsNotPositive() {
    for (String bad : List.of("0", "-1", "NaN", "Infinity")) {
      assertThatThrownBy(
              () ->
                  new WeightedStrategyFactory()
                      .create(ProviderConfig.of(Map.of(WeightedStrategyFactory.MIN_WEIGHT, bad))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(WeightedStrategyFactory.MIN_WEIGHT);
    }
  }
}
