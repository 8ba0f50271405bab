package org.keytriage.strategies.internal;

import java.util.List;
import org.keytriage.spi.BalancingStrategy;
import org.keytriage.spi.BalancingStrategyFactory;
import org.keytriage.spi.ConfigProperty;
import org.keytriage.spi.ConfigPropertyType;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.strategies.BuiltInStrategies;

/**
 * {@code lowest_latency}: orders keys by ascending {@link
 * org.keytriage.spi.CandidateKey#latencyMillis()} (the router's EWMA). Keys with no samples yet
 * ({@link org.keytriage.spi.CandidateKey#latencyUnknown()}) come first so that they get measured
 * instead of starving behind measured keys; ties keep the given order.
 *
 * <p>Setting {@value #EXPLORATION_SHARE} (decimal 0..1, default 0 = off): that share of calls,
 * evenly spaced, moves one of the other keys to the front, taking them in turn, so a key that was
 * slow once is measured again.
 */
public final class LowestLatencyStrategyFactory implements BalancingStrategyFactory {
  /** The share of calls, 0..1, that try a key other than the fastest first. */
  public static final String EXPLORATION_SHARE = "exploration_share";

  private static final List<ConfigProperty> PROPERTIES =
      List.of(
          ConfigProperty.of(
              EXPLORATION_SHARE,
              "Exploration share",
              "Share of requests (0 to 1) sent first to a key other than the fastest, in turn, so"
                  + " the latency of every key stays current.",
              ConfigPropertyType.DECIMAL,
              "0"));

  public LowestLatencyStrategyFactory() {
    // ServiceLoader needs a public no-arg constructor
  }

  @Override
  public String id() {
    return BuiltInStrategies.LOWEST_LATENCY;
  }

  @Override
  public String description() {
    return "Prefers the key with the lowest smoothed response time, trying keys without samples"
               + " first.";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return PROPERTIES;
  }

  @Override
  public BalancingStrategy create(ProviderConfig config) {
    return new LowestLatencyStrategy(Settings.decimalBetween(config, EXPLORATION_SHARE, 0, 0, 1));
  }
}
