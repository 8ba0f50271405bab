package org.keytriage.core.routing;

import java.util.Set;
import org.keytriage.core.errors.ErrorCode;
import org.keytriage.core.errors.KeyTriageException;

/** A strategy id that no discovered factory provides. */
public class UnknownStrategyException extends KeyTriageException {
  private static final long serialVersionUID = 1L;

  public UnknownStrategyException(String strategyId, Set<String> available) {
    super(ErrorCode.UNKNOWN_STRATEGY,
        "Unknown strategy '"
            + strategyId
            + "'. Available strategies: "
            + String.join(", ", new java.util.TreeSet<>(available)));
  }
}
