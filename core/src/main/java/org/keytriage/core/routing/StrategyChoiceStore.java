package org.keytriage.core.routing;

import java.util.Optional;

/**
 * Which strategy a task type uses when an operator switched it at run time ({@link
 * Router#useStrategy}); a task type nobody switched uses its configured strategy. In process by
 * default; a cluster store shares the choices, so that a switch made through one node holds on
 * every node, as key activation does. Choices are plain strategy ids, so a grid needs no
 * KeyTriage class to hold them.
 */
public interface StrategyChoiceStore {

  /**
   * The strategy id chosen for the task type, empty when none was. The router asks on every
   * request, so this must not wait for anything: a cluster store answers from a copy it keeps
   * current.
   */
  Optional<String> chosen(String taskType);

  /**
   * Records the choice for every node: this node's next request uses it, the other nodes' as soon
   * as they have learnt it (a cluster store says how soon).
   */
  void choose(String taskType, String strategyId);

  /** The store of one JVM. */
  static StrategyChoiceStore inProcess() {
    return new org.keytriage.core.routing.internal.InProcessStrategyChoiceStore();
  }
}
