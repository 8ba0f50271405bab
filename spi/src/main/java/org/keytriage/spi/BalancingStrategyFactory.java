package org.keytriage.spi;

/**
 * Creates {@link BalancingStrategy} instances; register an implementation in {@code
 * META-INF/services/org.keytriage.spi.BalancingStrategyFactory}. The router creates one strategy
 * per task type that uses it, so per-task state (a round-robin cursor) lives in the strategy.
 */
public interface BalancingStrategyFactory extends ProviderFactory<BalancingStrategy> {}
