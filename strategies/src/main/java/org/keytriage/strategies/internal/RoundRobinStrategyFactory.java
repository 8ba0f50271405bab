package org.keytriage.strategies.internal;

import org.keytriage.spi.BalancingStrategy;
import org.keytriage.spi.BalancingStrategyFactory;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.strategies.BuiltInStrategies;

/**
 * {@code round_robin}, the default strategy: every call starts one key further along the given list
 * and keeps the rest in the given order after it, wrapping around, so N calls over N keys start
 * once at each. The turn counter is a lock-free {@code AtomicLong}, one per tier in each strategy
 * instance (the router creates one instance per task type). No settings.
 */
public final class RoundRobinStrategyFactory implements BalancingStrategyFactory {

  public RoundRobinStrategyFactory() {
    // ServiceLoader needs a public no-arg constructor
  }

  @Override
  public String id() {
    return BuiltInStrategies.ROUND_ROBIN;
  }

  @Override
  public String description() {
    return "Rotates the first choice through the keys in turn so that equal keys share the requests"
               + " evenly.";
  }

  @Override
  public BalancingStrategy create(ProviderConfig config) {
    return new RoundRobinStrategy();
  }
}
