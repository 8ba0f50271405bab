package org.keytriage.core.routing;

import java.util.Set;
import org.keytriage.spi.RoutingRequest;

/** Places requests on keys. Thread-safe. */
public interface Router {

  /**
   * Chooses a key for the request and reserves capacity on it.
   *
   * @throws UnknownTaskTypeException if the task type is not known
   * @throws NoAvailableKeyException if no key can take the request now
   */
  default Allocation allocate(RoutingRequest request) {
    return allocate(request, Set.of());
  }

  /**
   * Like {@link #allocate(RoutingRequest)}, never choosing a key in {@code excludedKeyIds}: failover
   * passes the keys this request already tried.
   */
  Allocation allocate(RoutingRequest request, Set<String> excludedKeyIds);

  /** The task types this router knows, sorted. */
  Set<String> taskTypes();

  /** The strategy id the task type uses now. */
  String strategyOf(String taskType);

  /**
   * Switches the task type to another strategy, effective for the next request: on every node
   * that shares the router's strategy choice store (see {@link StrategyChoiceStore}).
   *
   * @throws UnknownStrategyException listing the available ones
   */
  void useStrategy(String taskType, String strategyId);

  /** The guards (circuit breaker, latency demotion, budgets), fixed when the engine is built. */
  RoutingGuards guards();
}
