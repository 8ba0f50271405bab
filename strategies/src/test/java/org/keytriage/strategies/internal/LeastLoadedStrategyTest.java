package org.keytriage.strategies.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keytriage.strategies.internal.TestKeys.REQUEST;
import static org.keytriage.strategies.internal.TestKeys.ids;
import static org.keytriage.strategies.internal.TestKeys.key;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keytriage.spi.BalancingStrategy;
import org.keytriage.spi.ProviderConfig;

class LeastLoadedStrategyTest {
  private final BalancingStrategy strategy =
      new LeastLoadedStrategyFactory().create(ProviderConfig.empty());

  @Test
  void putsTheLeastUtilisedKeyFirst() {
    var busy = key("busy").limits(100, 100_000).usage(80, 0).build();
    var idle = key("idle").limits(100, 100_000).usage(5, 0).build();
    var half = key("half").limits(10, 100_000).usage(5, 0).build();
    assertThat(ids(strategy.order(List.of(busy, idle, half), REQUEST)))
        .containsExactly("idle", "half", "busy");
  }

  @Test
  void considersTokensPerMinuteToo() {
    // few requests but nearly all its tokens in use: it is the fuller key
    var tokenHeavy = key("token-heavy").limits(100, 10_000).usage(10, 9_000).build();
    var requestHeavy = key("request-heavy").limits(100, 10_000).usage(50, 1_000).build();
    assertThat(ids(strategy.order(List.of(tokenHeavy, requestHeavy), REQUEST)))
        .containsExactly("request-heavy", "token-heavy");
  }

  @Test
  void overfullKeysComeLast() {
    var over = key("over").limits(10, 1_000).usage(12, 0).build();
    var full = key("full").limits(10, 1_000).usage(10, 0).build();
    assertThat(ids(strategy.order(List.of(over, full), REQUEST))).containsExactly("full", "over");
  }

  @Test
  void equallyLoadedKeysKeepTheGivenOrder() {
    var a = key("a").limits(10, 1_000).usage(5, 0).build();
    var b = key("b").limits(100, 1_000).usage(50, 0).build();
    var c = key("c").limits(10, 1_000).usage(0, 500).build();
    assertThat(ids(strategy.order(List.of(a, b, c), REQUEST))).containsExactly("a", "b", "c");
    assertThat(ids(strategy.order(List.of(c, b, a), REQUEST))).containsExactly("c", "b", "a");
  }
}
