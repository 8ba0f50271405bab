package org.keytriage.strategies.internal;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.keytriage.spi.KeyTier;
import org.keytriage.spi.ProviderConfig;

class RoundRobinStrategyTest {
  private final BalancingStrategy strategy =
      new RoundRobinStrategyFactory().create(ProviderConfig.empty());
  private final List<CandidateKey> abc =
      List.of(key("a").build(), key("b").build(), key("c").build());

  @Test
  void spreadsFirstPlaceExactlyEvenly() {
    assertThat(firstPlaces(strategy, abc, 6000)).isEqualTo(Map.of("a", 2000, "b", 2000, "c", 2000));
  }

  @Test
  void rotatesTheWholeListKeepingTheGivenOrderCyclically() {
    assertThat(ids(strategy.order(abc, REQUEST))).containsExactly("a", "b", "c");
    assertThat(ids(strategy.order(abc, REQUEST))).containsExactly("b", "c", "a");
    assertThat(ids(strategy.order(abc, REQUEST))).containsExactly("c", "a", "b");
    assertThat(ids(strategy.order(abc, REQUEST))).containsExactly("a", "b", "c");
  }

  @Test
  void eachTierRotatesOnItsOwnWhenTheRouterAsksForBoth() {
    List<CandidateKey> specialised = List.of(key("s1").build(), key("s2").build());
    List<CandidateKey> backups =
        List.of(
            key("b1").tier(KeyTier.BACKUP).build(),
            key("b2").tier(KeyTier.BACKUP).build(),
            key("b3").tier(KeyTier.BACKUP).build());
    Map<String, Integer> counts = new ConcurrentHashMap<>();
    for (int i = 0; i < 600; i++) {
      counts.merge(strategy.order(specialised, REQUEST).get(0).keyId(), 1, Integer::sum);
      counts.merge(strategy.order(backups, REQUEST).get(0).keyId(), 1, Integer::sum);
    }
    assertThat(counts).isEqualTo(Map.of("s1", 300, "s2", 300, "b1", 200, "b2", 200, "b3", 200));
  }

  @Test
  void staysExactUnderConcurrency() throws Exception {
    Map<String, Integer> counts = new ConcurrentHashMap<>();
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(
            executor.submit(
                () -> {
                  for (int i = 0; i < 3000; i++) {
                    counts.merge(strategy.order(abc, REQUEST).get(0).keyId(), 1, Integer::sum);
                  }
                }));
      }
      for (Future<?> future : futures) {
        future.get(1, TimeUnit.MINUTES);
      }
    } finally {
      executor.shutdownNow();
    }
    assertThat(counts).isEqualTo(Map.of("a", 4000, "b", 4000, "c", 4000));
  }

  @Test
  void eachInstanceHasItsOwnCursor() {
    BalancingStrategy other = new RoundRobinStrategyFactory().create(ProviderConfig.empty());
    strategy.order(abc, REQUEST);
    assertThat(ids(other.order(abc, REQUEST))).containsExactly("a", "b", "c");
  }
}
