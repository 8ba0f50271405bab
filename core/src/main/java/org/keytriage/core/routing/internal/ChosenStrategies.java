package org.keytriage.core.routing.internal;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.keytriage.core.routing.StrategyChoiceStore;
import org.keytriage.spi.BalancingStrategy;

/**
 * Keeps each task route on the strategy its task type should use now: the one chosen in the
 * {@link StrategyChoiceStore} (possibly through another node), else the configured one. Asked on
 * every request, so the common case is one lookup in the store's copy and one comparison; a route
 * is switched only when the choice changed. A chosen id this node has no plugin for (another node
 * has one this node lacks) must not break routing here: the route keeps the configured strategy,
 * and the mismatch is logged once per task type and id.
 */
final class ChosenStrategies {
  private static final System.Logger LOG = System.getLogger(ChosenStrategies.class.getName());

  private final StrategyChoiceStore store;
  private final Function<String, String> configured;
  private final Function<String, Optional<BalancingStrategy>> create;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  /**
   * @param store the shared choices
   * @param configured the configured strategy id of a task type
   * @param create a new strategy of an id, empty when this node has no such plugin
   */
  ChosenStrategies(
      StrategyChoiceStore store,
      Function<String, String> configured,
      Function<String, Optional<BalancingStrategy>> create) {
    this.store = store;
    this.configured = configured;
    this.create = create;
  }

  /** {@code route} on the strategy its task type should use now: itself when it already does. */
  TaskRoute follow(TaskRoute route) {
    String task = route.taskType();
    String wanted = wanted(task);
    if (route.strategyId().equals(wanted)) {
      return route;
    }
    String problemKey = task + "\u0000" + wanted;
    if (!reported.contains(problemKey)) {
      try {
        Optional<BalancingStrategy> strategy = create.apply(wanted);
        if (strategy.isPresent()) {
          return route.withStrategy(wanted, strategy.get());
        }
        report(problemKey, task, wanted, "this node has no such plugin");
      } catch (RuntimeException e) {
        report(problemKey, task, wanted, "its plugin failed to start here (" + e + ")");
      }
    }
    String fallback = configured.apply(task);
    return route.strategyId().equals(fallback)
        ? route
        : route.withStrategy(fallback, create.apply(fallback).orElseThrow());
  }

  private void report(String problemKey, String task, String wanted, String why) {
    if (reported.add(problemKey)) {
      LOG.log(
          Level.WARNING,
          "Task type {0}: strategy {1} was chosen for the cluster, but {2}; this node keeps the"
              + " configured strategy {3} (reported once)",
          task, wanted, why, configured.apply(task));
    }
  }

  private String wanted(String task) {
    return store.chosen(task).orElseGet(() -> configured.apply(task));
  }
}
