package org.keytriage.core.upstream;

import java.time.Duration;
import java.util.Objects;
import org.keytriage.core.accounting.BudgetLimits;
import org.keytriage.core.keys.CircuitBreakerPolicy;
import org.keytriage.core.keys.CooldownPolicy;
import org.keytriage.core.routing.RoutingGuards;

/**
 * How the gateway talks to the upstream and when it gives up on a key. Immutable; build with
 * {@link #builder()}. Defaults:
 *
 * <ul>
 *   <li>connect timeout {@value #DEFAULT_CONNECT_TIMEOUT_SECONDS} s;
 *   <li>request deadline {@value #DEFAULT_REQUEST_DEADLINE_SECONDS} s: every attempt of one
 *       request together, including failovers;
 *   <li>attempt timeout {@value #DEFAULT_ATTEMPT_TIMEOUT_SECONDS} s: one attempt gets the smaller
 *       of this and the time left before the deadline, so a key that hangs still leaves time to
 *       fail over; for a stream it bounds the wait for the first chunk, after which the stream may
 *       run until the deadline;
 *   <li>default completion tokens {@value #DEFAULT_COMPLETION_TOKENS}: reserved for the answer
 *       when the body has no {@code max_tokens};
 *   <li>cooldown after a 429 without {@code Retry-After}: 1 s doubling per consecutive 429 to 60 s
 *       ({@link CooldownPolicy#DEFAULT});
 *   <li>circuit breaker: open after {@value #DEFAULT_CIRCUIT_FAILURE_THRESHOLD} failures within 30
 *       s, stay open 30 s, then let ONE probe through (its lease is the request deadline); success
 *       closes it, failure re-opens it;
 *   <li>latency demotion factor 3.0: a key whose latency EWMA is above 3 × the best among the
 *       candidates of its tier (the best taken as at least 50 ms) goes to the end of the tier until
 *       it recovers;
 *   <li>budget warning share 0.8: above it a key goes behind the keys under it, cheaper first; at
 *       100 % the key is excluded;
 *   <li>global daily and monthly budgets 0 (none);
 *   <li>HTTP/2 not preferred: calls go over HTTP/1.1 keep-alive connections, pooled per base URL,
 *       by Apache HttpClient 5's blocking client on the calling thread, which costs a fifth of the
 *       CPU per call of the JDK's client ({@code benchmarks/client-load.sh}); with {@link
 *       Builder#preferHttp2(boolean) preferHttp2(true)} the JDK's HttpClient is used instead, HTTP/2
 *       negotiated over TLS with fallback to HTTP/1.1 (plain {@code http://} base URLs, a local NIM
 *       or the simulator, stay on HTTP/1.1).
 * </ul>
 */
public final class UpstreamSettings {
  public static final long DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;
  public static final long DEFAULT_REQUEST_DEADLINE_SECONDS = 60;
  public static final long DEFAULT_ATTEMPT_TIMEOUT_SECONDS = 30;
  public static final long DEFAULT_COMPLETION_TOKENS = 1024;
  public static final int DEFAULT_CIRCUIT_FAILURE_THRESHOLD = 5;

  private static final UpstreamSettings DEFAULTS = builder().build();

  private final Duration connectTimeout;
  private final Duration requestDeadline;
  private final Duration attemptTimeout;
  private final long defaultCompletionTokens;
  private final CooldownPolicy cooldown;
  private final int circuitFailureThreshold;
  private final Duration circuitFailureWindow;
  private final Duration circuitOpenDuration;
  private final double latencyDemotionFactor;
  private final double latencyFloorMillis;
  private final double budgetWarningShare;
  private final double lowPriorityShare;
  private final double globalDailyBudget;
  private final double globalMonthlyBudget;
  private final boolean preferHttp2;

  private UpstreamSettings(Builder b) {
    this.connectTimeout = b.connectTimeout;
    this.requestDeadline = b.requestDeadline;
    this.attemptTimeout = b.attemptTimeout;
    this.defaultCompletionTokens = b.defaultCompletionTokens;
    this.cooldown = b.cooldown;
    this.circuitFailureThreshold = b.circuitFailureThreshold;
    this.circuitFailureWindow = b.circuitFailureWindow;
    this.circuitOpenDuration = b.circuitOpenDuration;
    this.latencyDemotionFactor = b.latencyDemotionFactor;
    this.latencyFloorMillis = b.latencyFloorMillis;
    this.budgetWarningShare = b.budgetWarningShare;
    this.lowPriorityShare = b.lowPriorityShare;
    this.globalDailyBudget = b.globalDailyBudget;
    this.globalMonthlyBudget = b.globalMonthlyBudget;
    this.preferHttp2 = b.preferHttp2;
  }

  public static UpstreamSettings defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .connectTimeout(connectTimeout)
        .requestDeadline(requestDeadline)
        .attemptTimeout(attemptTimeout)
        .defaultCompletionTokens(defaultCompletionTokens)
        .cooldown(cooldown)
        .circuitBreaker(circuitFailureThreshold, circuitFailureWindow, circuitOpenDuration)
        .latencyDemotionFactor(latencyDemotionFactor)
        .latencyFloorMillis(latencyFloorMillis)
        .budgetWarningShare(budgetWarningShare)
        .lowPriorityShare(lowPriorityShare)
        .globalDailyBudget(globalDailyBudget)
        .globalMonthlyBudget(globalMonthlyBudget)
        .preferHttp2(preferHttp2);
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration requestDeadline() {
    return requestDeadline;
  }

  public Duration attemptTimeout() {
    return attemptTimeout;
  }

  public long defaultCompletionTokens() {
    return defaultCompletionTokens;
  }

  public CooldownPolicy cooldown() {
    return cooldown;
  }

  /** The circuit breaker; a half-open probe's lease is the request deadline. */
  public CircuitBreakerPolicy circuitBreaker() {
    return new CircuitBreakerPolicy(
        circuitFailureThreshold, circuitFailureWindow, circuitOpenDuration, requestDeadline);
  }

  public double latencyDemotionFactor() {
    return latencyDemotionFactor;
  }

  public double latencyFloorMillis() {
    return latencyFloorMillis;
  }

  public double budgetWarningShare() {
    return budgetWarningShare;
  }

  /** Share of each key's limits that low-priority (batch) requests may fill; default 0.8. */
  public double lowPriorityShare() {
    return lowPriorityShare;
  }

  public double globalDailyBudget() {
    return globalDailyBudget;
  }

  public double globalMonthlyBudget() {
    return globalMonthlyBudget;
  }

  public boolean preferHttp2() {
    return preferHttp2;
  }

  /** The part of these settings the router applies. */
  public RoutingGuards routingGuards() {
    return new RoutingGuards(
        circuitBreaker(),
        latencyDemotionFactor,
        latencyFloorMillis,
        budgetWarningShare,
        new BudgetLimits(globalDailyBudget, globalMonthlyBudget),
        lowPriorityShare);
  }

  @Override
  public String toString() {
    return "UpstreamSettings[connectTimeout=" + connectTimeout + ", requestDeadline=" + requestDeadline
        + ", attemptTimeout=" + attemptTimeout + ", defaultCompletionTokens=" + defaultCompletionTokens
        + ", cooldown=" + cooldown + ", circuit=" + circuitBreaker()
        + ", latencyDemotionFactor=" + latencyDemotionFactor + ", budgetWarningShare=" + budgetWarningShare
        + ", globalDailyBudget=" + globalDailyBudget + ", globalMonthlyBudget=" + globalMonthlyBudget + "]";
  }

  /** Builder; every setting starts at the default in the class comment. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(DEFAULT_CONNECT_TIMEOUT_SECONDS);
    private Duration requestDeadline = Duration.ofSeconds(DEFAULT_REQUEST_DEADLINE_SECONDS);
    private Duration attemptTimeout = Duration.ofSeconds(DEFAULT_ATTEMPT_TIMEOUT_SECONDS);
    private long defaultCompletionTokens = DEFAULT_COMPLETION_TOKENS;
    private CooldownPolicy cooldown = CooldownPolicy.DEFAULT;
    private int circuitFailureThreshold = DEFAULT_CIRCUIT_FAILURE_THRESHOLD;
    private Duration circuitFailureWindow = CircuitBreakerPolicy.DEFAULT.failureWindow();
    private Duration circuitOpenDuration = CircuitBreakerPolicy.DEFAULT.openDuration();
    private double latencyDemotionFactor = RoutingGuards.DEFAULT_LATENCY_DEMOTION_FACTOR;
    private double latencyFloorMillis = RoutingGuards.DEFAULT_LATENCY_FLOOR_MILLIS;
    private double budgetWarningShare = RoutingGuards.DEFAULT_BUDGET_WARNING_SHARE;
    private double lowPriorityShare = RoutingGuards.DEFAULT_LOW_PRIORITY_SHARE;
    private double globalDailyBudget;
    private double globalMonthlyBudget;
    private boolean preferHttp2;

    private Builder() {}

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive("connectTimeout", value);
      return this;
    }

    public Builder requestDeadline(Duration value) {
      this.requestDeadline = positive("requestDeadline", value);
      return this;
    }

    public Builder attemptTimeout(Duration value) {
      this.attemptTimeout = positive("attemptTimeout", value);
      return this;
    }

    public Builder defaultCompletionTokens(long value) {
      if (value < 0) {
        throw new IllegalArgumentException("defaultCompletionTokens must be >= 0, was " + value);
      }
      this.defaultCompletionTokens = value;
      return this;
    }

    public Builder cooldown(CooldownPolicy value) {
      this.cooldown = Objects.requireNonNull(value, "cooldown");
      return this;
    }

    /** Opens after {@code failures} within {@code window}; stays open for {@code openFor}. */
    public Builder circuitBreaker(int failures, Duration window, Duration openFor) {
      if (failures < 1) {
        throw new IllegalArgumentException("circuit failures must be >= 1, was " + failures);
      }
      this.circuitFailureThreshold = failures;
      this.circuitFailureWindow = positive("circuit window", window);
      this.circuitOpenDuration = positive("circuit open duration", openFor);
      return this;
    }

    public Builder latencyDemotionFactor(double value) {
      if (!(value >= 1)) {
        throw new IllegalArgumentException("latencyDemotionFactor must be >= 1, was " + value);
      }
      this.latencyDemotionFactor = value;
      return this;
    }

    public Builder latencyFloorMillis(double value) {
      if (!(value >= 0)) {
        throw new IllegalArgumentException("latencyFloorMillis must be >= 0, was " + value);
      }
      this.latencyFloorMillis = value;
      return this;
    }

    /** Share of each key's limits low-priority (batch) requests may fill, in (0, 1]. */
    public Builder lowPriorityShare(double value) {
      if (!(value > 0 && value <= 1)) {
        throw new IllegalArgumentException("lowPriorityShare must be in (0, 1], was " + value);
      }
      this.lowPriorityShare = value;
      return this;
    }

    public Builder budgetWarningShare(double value) {
      if (!(value > 0 && value <= 1)) {
        throw new IllegalArgumentException("budgetWarningShare must be in (0, 1], was " + value);
      }
      this.budgetWarningShare = value;
      return this;
    }

    /** Gateway-wide budget per UTC day over all keys; 0 = none. */
    public Builder globalDailyBudget(double value) {
      this.globalDailyBudget = notNegative("globalDailyBudget", value);
      return this;
    }

    /** Gateway-wide budget per UTC month over all keys; 0 = none. */
    public Builder globalMonthlyBudget(double value) {
      this.globalMonthlyBudget = notNegative("globalMonthlyBudget", value);
      return this;
    }

    /**
     * Whether to offer HTTP/2 on {@code https} base URLs (default false): true uses the JDK's
     * HttpClient, which speaks it, instead of the cheaper HTTP/1.1 client.
     */
    public Builder preferHttp2(boolean value) {
      this.preferHttp2 = value;
      return this;
    }

    public UpstreamSettings build() {
      return new UpstreamSettings(this);
    }

    private static Duration positive(String name, Duration d) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }

    private static double notNegative(String name, double v) {
      if (!(v >= 0)) {
        throw new IllegalArgumentException(name + " must be >= 0 (0 = none), was " + v);
      }
      return v;
    }
  }
}
