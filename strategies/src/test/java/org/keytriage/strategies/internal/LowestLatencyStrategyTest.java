package org.keytriage.strategies.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

class LowestLatencyStrategyTest {
  private final BalancingStrategy strategy =
      new LowestLatencyStrategyFactory().create(ProviderConfig.empty());

  @Test
  void unknownLatencyFirstThenFastest() {
    List<CandidateKey> keys =
        List.of(
            key("slow").latencyMillis(300).build(),
            key("new1").build(),
            key("fast").latencyMillis(100).build(),
            key("new2").latencyMillis(-1).build(),
            key("mid").latencyMillis(200).build());
    for (int i = 0; i < 3; i++) {
      assertThat(ids(strategy.order(keys, REQUEST)))
          .containsExactly("new1", "new2", "fast", "mid", "slow");
    }
  }

  @Test
  void equalLatenciesKeepTheGivenOrder() {
    List<CandidateKey> keys =
        List.of(
            key("b").latencyMillis(50).build(),
            key("a").latencyMillis(50).build(),
            key("c").latencyMillis(10).build());
    assertThat(ids(strategy.order(keys, REQUEST))).containsExactly("c", "b", "a");
  }

  @Test
  void explorationSendsItsShareToTheOtherKeysInTurn() {
    BalancingStrategy exploring =
        new LowestLatencyStrategyFactory()
            .create(
                ProviderConfig.of(Map.of(LowestLatencyStrategyFactory.EXPLORATION_SHARE, "0.25")));
    List<CandidateKey> keys =
        List.of(
            key("slow").latencyMillis(900).build(),
            key("fast").latencyMillis(40).build(),
            key("mid").latencyMillis(120).build());
    assertThat(firstPlaces(exploring, keys, 400))
        .isEqualTo(Map.of("fast", 300, "mid", 50, "slow", 50));
  }

  @Test
  void anExploringCallOnlyMovesOneKey() {
    BalancingStrategy always =
        new LowestLatencyStrategyFactory()
            .create(ProviderConfig.of(Map.of(LowestLatencyStrategyFactory.EXPLORATION_SHARE, "1")));
    List<CandidateKey> keys =
        List.of(
            key("c").latencyMillis(30).build(),
            key("a").latencyMillis(10).build(),
            key("b").latencyMillis(20).build());
    assertThat(ids(always.order(keys, REQUEST))).containsExactly("b", "a", "c");
    assertThat(ids(always.order(keys, REQUEST))).containsExactly("c", "a", "b");
  }

  @Test
  void rejectsAnExplorationShareOutsideZeroToOne() {
    for (String bad : List.of("-0.1", "1.5", "NaN")) {
      assertThatThrownBy(
              () ->
                  new LowestLatencyStrategyFactory()
                      .create(
                          ProviderConfig.of(
                              Map.of(LowestLatencyStrategyFactory.EXPLORATION_SHARE, bad))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(LowestLatencyStrategyFactory.EXPLORATION_SHARE);
    }
  }
}
