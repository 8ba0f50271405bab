package org.keytriage.core.routing.internal;

import java.util.List;
import org.keytriage.spi.BalancingStrategy;

/**
 * How one task type is routed: its specialised keys, the backup keys, and its strategy. Immutable;
 * a strategy change swaps in a new route.
 */
record TaskRoute(
    String taskType,
    List<RoutedKey> specialised,
    List<RoutedKey> backups,
    String strategyId,
    BalancingStrategy strategy) {

  TaskRoute withStrategy(String id, BalancingStrategy s) {
    return new TaskRoute(taskType, specialised, backups, id, s);
  }
}
