package org.keytriage.core.routing.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.keytriage.core.routing.StrategyChoiceStore;

/** Strategy choices of one JVM. */
public final class InProcessStrategyChoiceStore implements StrategyChoiceStore {
  private final ConcurrentMap<String, String> byTask = new ConcurrentHashMap<>();

  @Override
  public Optional<String> chosen(String taskType) {
    return Optional.ofNullable(byTask.get(taskType));
  }

  @Override
  public void choose(String taskType, String strategyId) {
    byTask.put(Objects.requireNonNull(taskType, "taskType"), Objects.requireNonNull(strategyId, "strategyId"));
  }
}
