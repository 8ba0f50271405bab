package org.keytriage.core.routing;

import java.util.Set;

/** A strategy id that no discovered factory provides. */
public class UnknownStrategyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public UnknownStrategyException(String strategyId, Set<String> available) {
    super(
        "Unknown strategy '"
            + strategyId
            + "'. Available strategies: "
            + String.join(", ", new java.util.TreeSet<>(available)));
  }
}
