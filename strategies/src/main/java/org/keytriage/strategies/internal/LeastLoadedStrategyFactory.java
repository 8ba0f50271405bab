package org.keytriage.strategies.internal;

import org.keytriage.spi.BalancingStrategy;
import org.keytriage.spi.BalancingStrategyFactory;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.strategies.BuiltInStrategies;

/**
 * {@code least_loaded}: orders keys by ascending {@link
 * org.keytriage.spi.CandidateKey#utilisation()}, the larger of their RPM and TPM utilisation in the
 * current window; keys equally loaded keep the given order. Stateless. No settings.
 */
public final class LeastLoadedStrategyFactory implements BalancingStrategyFactory {

  public LeastLoadedStrategyFactory() {
    // ServiceLoader needs a public no-arg constructor
  }

  @Override
  public String id() {
    return BuiltInStrategies.LEAST_LOADED;
  }

  @Override
  public String description() {
    return "Prefers the key with the most headroom, the lowest share of its RPM or TPM limit in"
               + " use.";
  }

  @Override
  public BalancingStrategy create(ProviderConfig config) {
    return new LeastLoadedStrategy();
  }
}
