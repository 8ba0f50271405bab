package org.keytriage.strategies.internal;

import java.util.List;
import org.keytriage.spi.BalancingStrategy;
import org.keytriage.spi.BalancingStrategyFactory;
import org.keytriage.spi.ConfigProperty;
import org.keytriage.spi.ConfigPropertyType;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.strategies.BuiltInStrategies;

/**
 * {@code priority}: orders keys by descending {@link org.keytriage.spi.CandidateKey#priority()}
 * (higher number is preferred, the guide's "5 = highest"), so lower priorities come after and are
 * reached only when the higher ones are full.
 *
 * <p>Setting {@value #ROTATE_TIES} (boolean, default {@code true}): keys of equal priority take
 * turns at the front round-robin, each tier with its own lock-free counter; {@code false} keeps
 * them in the given order.
 */
public final class PriorityStrategyFactory implements BalancingStrategyFactory {
  /** Whether keys of equal priority rotate; otherwise they keep the given order. */
  public static final String ROTATE_TIES = "rotate_ties";

  private static final List<ConfigProperty> PROPERTIES =
      List.of(
          ConfigProperty.of(
              ROTATE_TIES,
              "Rotate equal priorities",
              "When on, keys of the same priority take turns at the front; when off, they keep"
                  + " the configured order.",
              ConfigPropertyType.BOOLEAN,
              "true"));

  public PriorityStrategyFactory() {
    // ServiceLoader needs a public no-arg constructor
  }

  @Override
  public String id() {
    return BuiltInStrategies.PRIORITY;
  }

  @Override
  public String description() {
    return "Prefers keys with a higher priority number and reaches lower priorities only when the"
               + " higher ones are full.";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return PROPERTIES;
  }

  @Override
  public BalancingStrategy create(ProviderConfig config) {
    return new PriorityStrategy(config.getBoolean(ROTATE_TIES, true));
  }
}
