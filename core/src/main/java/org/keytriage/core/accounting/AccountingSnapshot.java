package org.keytriage.core.accounting;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything {@link UsageAccounting} has counted, as values: per key and per task type counters,
 * requests per key per task type, and refused requests per task type. Serializable, so each node of
 * a cluster can publish its own and the metrics can add them up ({@link #plus}).
 */
public record AccountingSnapshot(
    Map<String, CounterSnapshot> byKey,
    Map<String, CounterSnapshot> byTask,
    Map<String, Map<String, Long>> distribution,
    Map<String, Long> rejectedByTask)
    implements Serializable {

  /** Nothing counted. */
  public static final AccountingSnapshot EMPTY = new AccountingSnapshot(Map.of(), Map.of(), Map.of(), Map.of());

  public AccountingSnapshot {
    byKey = Map.copyOf(byKey);
    byTask = Map.copyOf(byTask);
    Map<String, Map<String, Long>> d = new HashMap<>();
    distribution.forEach((task, perKey) -> d.put(task, Map.copyOf(perKey)));
    distribution = Map.copyOf(d);
    rejectedByTask = Map.copyOf(rejectedByTask);
  }

  public CounterSnapshot key(String keyId) {
    return byKey.getOrDefault(keyId, CounterSnapshot.EMPTY);
  }

  public CounterSnapshot task(String taskType) {
    return byTask.getOrDefault(taskType, CounterSnapshot.EMPTY);
  }

  public long rejected(String taskType) {
    return rejectedByTask.getOrDefault(taskType, 0L);
  }

  /** Requests per key for a task type, ordered by key id. */
  public Map<String, Long> distribution(String taskType) {
    return new TreeMap<>(distribution.getOrDefault(taskType, Map.of()));
  }

  /** Both nodes' counts together. */
  public AccountingSnapshot plus(AccountingSnapshot other) {
    Map<String, CounterSnapshot> keys = new HashMap<>(byKey);
    other.byKey.forEach((k, c) -> keys.merge(k, c, CounterSnapshot::plus));
    Map<String, CounterSnapshot> tasks = new HashMap<>(byTask);
    other.byTask.forEach((t, c) -> tasks.merge(t, c, CounterSnapshot::plus));
    Map<String, Map<String, Long>> dist = new HashMap<>();
    distribution.forEach((t, perKey) -> dist.put(t, new HashMap<>(perKey)));
    other.distribution.forEach(
        (t, perKey) -> perKey.forEach((k, n) -> dist.computeIfAbsent(t, x -> new HashMap<>()).merge(k, n, Long::sum)));
    Map<String, Long> rejected = new HashMap<>(rejectedByTask);
    other.rejectedByTask.forEach((t, n) -> rejected.merge(t, n, Long::sum));
    return new AccountingSnapshot(keys, tasks, dist, rejected);
  }
}
