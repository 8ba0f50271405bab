package org.keytriage.strategies.internal;

import org.keytriage.spi.BalancingStrategy;
import org.keytriage.spi.BalancingStrategyFactory;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.strategies.BuiltInStrategies;

/**
 * {@code lowest_cost}: orders keys by ascending {@link
 * org.keytriage.spi.CandidateKey#costPerToken()}; keys at the same price by ascending utilisation,
 * then in the given order. Stateless. No settings.
 */
public final class LowestCostStrategyFactory implements BalancingStrategyFactory {

  public LowestCostStrategyFactory() {
    // ServiceLoader needs a public no-arg constructor
  }

  @Override
  public String id() {
    return BuiltInStrategies.LOWEST_COST;
  }

  @Override
  public String description() {
    return "Prefers the key with the lowest cost per token and, among equally cheap keys, the least"
               + " loaded one.";
  }

  @Override
  public BalancingStrategy create(ProviderConfig config) {
    return new LowestCostStrategy();
  }
}
