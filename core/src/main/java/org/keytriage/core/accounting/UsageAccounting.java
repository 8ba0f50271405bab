package org.keytriage.core.accounting;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.keytriage.core.accounting.internal.OutcomeCounters;

/**
 * Records every completed call per key and per task type, and every request the router could not
 * place. Thread-safe and contention-free on the hot path.
 */
public final class UsageAccounting {
  private final ConcurrentMap<String, OutcomeCounters> byKey = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, OutcomeCounters> byTask = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, ConcurrentMap<String, LongAdder>> distribution =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<String, LongAdder> rejectedByTask = new ConcurrentHashMap<>();

  /**
   * Records one call that reached the upstream.
   *
   * @param tokens tokens the call consumed (0 when the upstream answered none)
   * @param cost {@code tokens × cost_per_token}
   */
  public void recordCall(
      String keyId, String taskType, boolean success, long tokens, double cost, long latencyMillis) {
    byKey.computeIfAbsent(keyId, k -> new OutcomeCounters())
        .record(success, tokens, cost, latencyMillis);
    byTask.computeIfAbsent(taskType, k -> new OutcomeCounters())
        .record(success, tokens, cost, latencyMillis);
    distribution
        .computeIfAbsent(taskType, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(keyId, k -> new LongAdder())
        .increment();
  }

  /** Records a request for which no key had room. */
  public void recordRejected(String taskType) {
    rejectedByTask.computeIfAbsent(taskType, k -> new LongAdder()).increment();
  }

  /** The counters of a key; empty counters if it has had no calls. */
  public OutcomeCounters key(String keyId) {
    OutcomeCounters c = byKey.get(keyId);
    return c == null ? EMPTY : c;
  }

  public OutcomeCounters task(String taskType) {
    OutcomeCounters c = byTask.get(taskType);
    return c == null ? EMPTY : c;
  }

  public long rejected(String taskType) {
    LongAdder a = rejectedByTask.get(taskType);
    return a == null ? 0 : a.sum();
  }

  /** Requests per key for a task type. */
  public Map<String, Long> distribution(String taskType) {
    Map<String, LongAdder> perKey = distribution.get(taskType);
    if (perKey == null) {
      return Map.of();
    }
    Map<String, Long> out = new java.util.TreeMap<>();
    perKey.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** Everything counted so far, as values, e.g. to publish for the cluster-wide metrics. */
  public AccountingSnapshot snapshot() {
    Map<String, CounterSnapshot> keys = new HashMap<>();
    byKey.forEach((k, c) -> keys.put(k, c.snapshot()));
    Map<String, CounterSnapshot> tasks = new HashMap<>();
    byTask.forEach((t, c) -> tasks.put(t, c.snapshot()));
    Map<String, Map<String, Long>> dist = new HashMap<>();
    distribution.forEach((t, perKey) -> dist.put(t, distribution(t)));
    Map<String, Long> rejected = new HashMap<>();
    rejectedByTask.forEach((t, n) -> rejected.put(t, n.sum()));
    return new AccountingSnapshot(keys, tasks, dist, rejected);
  }

  private static final OutcomeCounters EMPTY = new OutcomeCounters();
}
