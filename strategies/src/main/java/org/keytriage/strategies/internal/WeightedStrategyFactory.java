package org.keytriage.strategies.internal;

import java.util.List;
import org.keytriage.spi.BalancingStrategy;
import org.keytriage.spi.BalancingStrategyFactory;
import org.keytriage.spi.ConfigProperty;
import org.keytriage.spi.ConfigPropertyType;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.strategies.BuiltInStrategies;

/**
 * {@code weighted}: smooth weighted round robin (nginx style). Over many calls each key is first in
 * a share of {@code weight / sum(weights)} of them, interleaved and deterministic; the other keys
 * follow by how much they are owed. Current weights are kept per key id in each strategy instance
 * and updated in one short synchronized section.
 *
 * <p>Setting {@value #MIN_WEIGHT} (decimal, default {@value #DEFAULT_MIN_WEIGHT}, must be above 0):
 * the weight used for a key whose weight is zero, negative or not finite, so such a key is tried
 * rarely instead of never.
 */
public final class WeightedStrategyFactory implements BalancingStrategyFactory {
  /** The weight given to keys whose own weight is zero, negative or not finite. */
  public static final String MIN_WEIGHT = "min_weight";

  static final String DEFAULT_MIN_WEIGHT = "0.01";

  private static final List<ConfigProperty> PROPERTIES =
      List.of(
          ConfigProperty.of(
              MIN_WEIGHT,
              "Minimum weight",
              "Weight used for keys configured with a weight of zero or less, so they are tried"
                  + " rarely instead of never.",
              ConfigPropertyType.DECIMAL,
              DEFAULT_MIN_WEIGHT));

  public WeightedStrategyFactory() {
    // ServiceLoader needs a public no-arg constructor
  }

  @Override
  public String id() {
    return BuiltInStrategies.WEIGHTED;
  }

  @Override
  public String description() {
    return "Shares the first choice among the keys in proportion to their weights (smooth weighted"
               + " round robin).";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return PROPERTIES;
  }

  @Override
  public BalancingStrategy create(ProviderConfig config) {
    return new WeightedStrategy(
        Settings.positiveDecimal(config, MIN_WEIGHT, Double.parseDouble(DEFAULT_MIN_WEIGHT)));
  }
}
