package org.keytriage.strategies.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keytriage.strategies.internal.TestKeys.REQUEST;
import static org.keytriage.strategies.internal.TestKeys.ids;
import static org.keytriage.strategies.internal.TestKeys.key;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keytriage.spi.BalancingStrategy;
import org.keytriage.spi.ProviderConfig;

class LowestCostStrategyTest {
  private final BalancingStrategy strategy =
      new LowestCostStrategyFactory().create(ProviderConfig.empty());

  @Test
  void cheapestFirst() {
    var dear = key("dear").costPerToken(0.00003).build();
    var cheap = key("cheap").costPerToken(0.000001).build();
    var free = key("free").costPerToken(0).build();
    assertThat(ids(strategy.order(List.of(dear, cheap, free), REQUEST)))
        .containsExactly("free", "cheap", "dear");
  }

  @Test
  void samePriceGoesToTheLeastLoaded() {
    var busy = key("busy").costPerToken(0.000002).limits(10, 10_000).usage(9, 0).build();
    var tokensBusy =
        key("tokens-busy").costPerToken(0.000002).limits(10, 10_000).usage(1, 8_000).build();
    var idle = key("idle").costPerToken(0.000002).limits(10, 10_000).usage(1, 0).build();
    var dearIdle = key("dear-idle").costPerToken(0.00001).build();
    assertThat(ids(strategy.order(List.of(dearIdle, busy, tokensBusy, idle), REQUEST)))
        .containsExactly("idle", "tokens-busy", "busy", "dear-idle");
  }

  @Test
  void samePriceAndLoadKeepTheGivenOrder() {
    var a = key("a").costPerToken(0.000002).usage(3, 0).build();
    var b = key("b").costPerToken(0.000002).usage(3, 0).build();
    var c = key("c").costPerToken(0.000002).usage(3, 0).build();
    assertThat(ids(strategy.order(List.of(b, c, a), REQUEST))).containsExactly("b", "c", "a");
  }
}
