package org.keytriage.core.metrics;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.events.GatewayEvent;
import org.keytriage.core.events.GatewayEventListener;
import org.keytriage.core.events.KeyPenalised;
import org.keytriage.core.events.RequestFailed;
import org.keytriage.core.events.RequestServed;
import org.keytriage.core.metrics.internal.Counter;
import org.keytriage.core.metrics.internal.Histogram;

/**
 * Counts what the gateway's events report, for Prometheus: requests by outcome, their durations
 * as a histogram, tokens, cost, failovers and key penalties. Subscribe it to {@link
 * KeyTriage#events()} and render it with {@link PrometheusText}. Thread-safe; recording an event
 * costs a map lookup and an adder increment per series, and never blocks.
 *
 * <p>Every series is a counter since the process started (a restart starts again from zero, which
 * Prometheus' {@code rate()} and {@code increase()} expect). Labels are task types, key ids, error
 * codes and origins: never a secret, a caller's name, a prompt or an answer.
 */
public final class RequestMetrics implements GatewayEventListener {
  /** The {@code key} label of a request that failed before any key was called. */
  public static final String NO_KEY = "none";

  /** The {@code outcome} label of an answered request; a failed one carries its error code. */
  public static final String SUCCESS = "success";

  /**
   * The {@code task_type} label of a request for a task type the engine does not route: the name
   * comes from the caller, and a label per made-up name would let callers grow the series without
   * bound.
   */
  public static final String UNKNOWN_TASK_TYPE = "unknown";

  /**
   * The duration histogram's bucket upper bounds, in nanoseconds: 5 ms, 10 ms, 25 ms, 50 ms, 100
   * ms, 250 ms, 500 ms, 1 s, 2.5 s, 5 s, 10 s, 30 s, 60 s, 120 s, then {@code +Inf}: chat calls
   * take from tens of milliseconds to the two-minute production deadline.
   */
  static final long[] DURATION_BUCKETS_NANOS = {
      5_000_000L, 10_000_000L, 25_000_000L, 50_000_000L, 100_000_000L, 250_000_000L, 500_000_000L,
      1_000_000_000L, 2_500_000_000L, 5_000_000_000L, 10_000_000_000L, 30_000_000_000L, 60_000_000_000L,
      120_000_000_000L};

  private final Counter<LongAdder> requests = Counter.ofLongs("keytriage_requests_total",
      "Client requests that ended, by task type, the key that served or last refused them (none when no key"
          + " was called), outcome (success or the error code) and origin (v1, task, batch, library)",
      "task_type", "key", "outcome", "origin");
  private final Histogram duration = new Histogram("keytriage_request_duration_seconds",
      "Time to answer a client request in seconds, failovers included, by task type",
      DURATION_BUCKETS_NANOS, "task_type");
  private final Counter<LongAdder> tokens = Counter.ofLongs("keytriage_tokens_total",
      "Tokens booked (prompt plus completion, a broken stream's partial answer included), by task type and key",
      "task_type", "key");
  private final Counter<DoubleAdder> cost = Counter.ofDoubles("keytriage_cost_dollars_total",
      "Cost booked in dollars (tokens times the key's cost_per_token), by task type and key",
      "task_type", "key");
  private final Counter<LongAdder> failovers = Counter.ofLongs("keytriage_failovers_total",
      "Upstream attempts beyond the first one of a request, by task type", "task_type");
  private final Counter<LongAdder> penalties = Counter.ofLongs("keytriage_key_penalties_total",
      "Times the gateway took a key out of routing, by key and penalty (rate_limited, circuit_opened,"
          + " quarantined)", "key", "penalty");

  private final Counter<LongAdder> integratorRequests = Counter.ofLongs("keytriage_integrator_requests_total",
      "Client requests that ended, by integrator (the department a token belongs to; library for a Java program)"
          + " and outcome (success or the error code): what chargeback counts", "integrator", "outcome");
  private final Counter<LongAdder> integratorTokens = Counter.ofLongs("keytriage_integrator_tokens_total",
      "Tokens booked, by integrator", "integrator");
  private final Counter<DoubleAdder> integratorCost = Counter.ofDoubles("keytriage_integrator_cost_dollars_total",
      "Cost booked in dollars, by integrator", "integrator");

  private final Predicate<String> knownTaskType;
  private final ToDoubleFunction<String> costPerToken;

  /**
   * @param knownTaskType whether a task type is one the engine routes; others are labelled {@link
   *     #UNKNOWN_TASK_TYPE}
   * @param costPerToken a key's cost per token, to price the tokens of a failed request (a broken
   *     stream's partial answer); an answered request brings its own cost
   */
  public RequestMetrics(Predicate<String> knownTaskType, ToDoubleFunction<String> costPerToken) {
    this.knownTaskType = Objects.requireNonNull(knownTaskType, "knownTaskType");
    this.costPerToken = Objects.requireNonNull(costPerToken, "costPerToken");
  }

  /**
   * Metrics for this engine's task types and keys, not yet subscribed. The failover counter of
   * every task type and the penalty counters of every key start at 0, so that an alert on their
   * {@code increase()} sees the first one.
   */
  public static RequestMetrics forEngine(KeyTriage keyTriage) {
    RequestMetrics m = new RequestMetrics(keyTriage.taskTypes()::contains,
        keyId -> keyTriage.keys().contains(keyId) ? keyTriage.key(keyId).costPerToken() : 0);
    keyTriage.taskTypes().forEach(m.failovers::at);
    for (ApiKeyConfig key : keyTriage.keys().all()) {
      for (KeyPenalised.Penalty p : KeyPenalised.Penalty.values()) {
        m.penalties.at(key.keyId(), label(p));
      }
    }
    return m;
  }

  @Override
  public void on(GatewayEvent event) {
    if (event instanceof RequestServed s) {
      String task = taskLabel(s.taskType());
      ended(task, s.keyId(), SUCCESS, s.origin().label(), s.durationNanos(), s.attempts());
      booked(task, s.keyId(), s.totalTokens(), s.cost());
      charged(s.callerId(), SUCCESS, s.totalTokens(), s.cost());
    } else if (event instanceof RequestFailed f) {
      String task = taskLabel(f.taskType());
      String key = f.keyId() == null ? NO_KEY : f.keyId();
      ended(task, key, f.code().code(), f.origin().label(), f.durationNanos(), f.attempts());
      double dollars = f.keyId() == null ? 0 : f.tokens() * costPerToken.applyAsDouble(f.keyId());
      booked(task, key, f.tokens(), dollars);
      charged(f.callerId(), f.code().code(), f.tokens(), dollars);
    } else if (event instanceof KeyPenalised p) {
      penalties.at(p.keyId(), label(p.penalty())).increment();
    }
  }

  /** Writes every request series, each family with its {@code # HELP} and {@code # TYPE}. */
  void writeTo(Appendable out) throws IOException {
    requests.writeTo(out);
    duration.writeTo(out);
    tokens.writeTo(out);
    cost.writeTo(out);
    failovers.writeTo(out);
    penalties.writeTo(out);
    integratorRequests.writeTo(out);
    integratorTokens.writeTo(out);
    integratorCost.writeTo(out);
  }

  private void charged(String integrator, String outcome, long tokenCount, double dollars) {
    integratorRequests.at(integrator, outcome).increment();
    if (tokenCount > 0) {
      integratorTokens.at(integrator).add(tokenCount);
    }
    if (dollars > 0) {
      integratorCost.at(integrator).add(dollars);
    }
  }

  private void ended(String task, String key, String outcome, String origin, long nanos, int attempts) {
    requests.at(task, key, outcome, origin).increment();
    duration.at(task).observe(nanos);
    if (attempts > 1) {
      failovers.at(task).add(attempts - 1L);
    }
  }

  private void booked(String task, String key, long tokenCount, double dollars) {
    if (tokenCount > 0) {
      tokens.at(task, key).add(tokenCount);
    }
    // a counter must never go down: a negative cost (a misconfigured price) is not booked
    if (dollars > 0) {
      cost.at(task, key).add(dollars);
    }
  }

  private String taskLabel(String taskType) {
    return knownTaskType.test(taskType) ? taskType : UNKNOWN_TASK_TYPE;
  }

  private static String label(KeyPenalised.Penalty penalty) {
    return penalty.name().toLowerCase(Locale.ROOT);
  }
}
