package org.keytriage.strategies;

import java.util.List;

/**
 * The ids of the built-in balancing strategies, for configuration and tests. Each is served by a
 * {@link org.keytriage.spi.BalancingStrategyFactory} registered with {@link
 * java.util.ServiceLoader}.
 */
public final class BuiltInStrategies {
  /** Rotates the first choice through the keys; the default. */
  public static final String ROUND_ROBIN = "round_robin";

  /** Most headroom (lowest RPM/TPM utilisation) first. */
  public static final String LEAST_LOADED = "least_loaded";

  /** Highest priority number first. */
  public static final String PRIORITY = "priority";

  /** First choice shared in proportion to the keys' weights. */
  public static final String WEIGHTED = "weighted";

  /** Lowest smoothed latency first; keys without samples before all others. */
  public static final String LOWEST_LATENCY = "lowest_latency";

  /** Cheapest per token first. */
  public static final String LOWEST_COST = "lowest_cost";

  /** The strategy used by task types that name none. */
  public static final String DEFAULT = ROUND_ROBIN;

  /** All six ids. */
  public static final List<String> ALL =
      List.of(ROUND_ROBIN, LEAST_LOADED, PRIORITY, WEIGHTED, LOWEST_LATENCY, LOWEST_COST);

  private BuiltInStrategies() {}
}
