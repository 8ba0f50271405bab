package org.keytriage.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.keytriage.spi.BalancingStrategy;
import org.keytriage.spi.BalancingStrategyFactory;
import org.keytriage.spi.CandidateKey;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.spi.RoutingRequest;

class BuiltInStrategiesTest {
  private static final RoutingRequest REQUEST = RoutingRequest.of("medical_text_analysis", 10);

  private static Map<String, BalancingStrategyFactory> discovered() {
    Map<String, BalancingStrategyFactory> byId = new HashMap<>();
    ServiceLoader.load(
            BalancingStrategyFactory.class, Thread.currentThread().getContextClassLoader())
        .forEach(f -> assertThat(byId.put(f.id(), f)).as("id %s registered once", f.id()).isNull());
    return byId;
  }

  @Test
  void allSixAreRegisteredUnderTheirIds() {
    assertThat(discovered().keySet()).containsExactlyInAnyOrderElementsOf(BuiltInStrategies.ALL);
  }

  @Test
  void builtInsUseOrderZeroSoVendorsCanReplaceThem() {
    assertThat(discovered().values()).allSatisfy(f -> assertThat(f.order()).isZero());
  }

  @Test
  void roundRobinIsTheDefault() {
    assertThat(BuiltInStrategies.DEFAULT).isEqualTo(BuiltInStrategies.ROUND_ROBIN);
  }

  @Test
  void everyStrategyReturnsItsOwnListThatTheCallerMayReorder() {
    List<CandidateKey> input =
        List.of(
            CandidateKey.builder("a").build(),
            CandidateKey.builder("b").build(),
            CandidateKey.builder("c").build());
    for (BalancingStrategyFactory factory : discovered().values()) {
      BalancingStrategy strategy = factory.create(ProviderConfig.empty());
      List<CandidateKey> result = strategy.order(input, REQUEST);
      assertThat(result).as(factory.id()).isNotSameAs(input);
      result.set(0, result.get(2));
      assertThat(input)
          .as("%s result is not backed by the input", factory.id())
          .extracting(CandidateKey::keyId)
          .containsExactly("a", "b", "c");
    }
  }
}
