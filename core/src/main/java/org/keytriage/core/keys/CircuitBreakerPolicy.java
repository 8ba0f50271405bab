package org.keytriage.core.keys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The circuit breaker's transitions, as pure functions of a {@link Circuit} and a timestamp: no
 * clock, no store, so they are tested with explicit times and applied atomically by whoever holds
 * the state.
 *
 * <ul>
 *   <li>CLOSED: each failure is remembered; {@code failureThreshold} failures (default 5) within
 *       {@code failureWindow} (default 30 s, a sliding window) open the circuit.
 *   <li>OPEN for {@code openDuration} (default 30 s): the key is not offered.
 *   <li>HALF_OPEN afterwards: ONE probe is let through. Success closes the circuit (failures
 *       forgotten); failure re-opens it for another {@code openDuration}. A probe that never reached
 *       the upstream (released) lets the next probe through at once; a probe that reports nothing
 *       within {@code probeLease} (default 60 s, the default request deadline) is presumed lost.
 * </ul>
 *
 * @param failureThreshold failures that open the circuit, {@code >= 1}
 * @param failureWindow how recent those failures must be
 * @param openDuration how long the circuit stays open
 * @param probeLease how long one half-open probe holds off others
 */
public record CircuitBreakerPolicy(
    int failureThreshold, Duration failureWindow, Duration openDuration, Duration probeLease) {

  /** 5 failures within 30 s open it for 30 s; a probe's lease is 60 s. */
  public static final CircuitBreakerPolicy DEFAULT =
      new CircuitBreakerPolicy(5, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60));

  public CircuitBreakerPolicy {
    if (failureThreshold < 1) {
      throw new IllegalArgumentException("failureThreshold must be >= 1, was " + failureThreshold);
    }
    requirePositive("failureWindow", failureWindow);
    requirePositive("openDuration", openDuration);
    requirePositive("probeLease", probeLease);
  }

  private static void requirePositive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
  }

  /** Whether a call may be placed on the key now. */
  public boolean admits(Circuit c, long now) {
    return switch (c.stateAt(now)) {
      case CLOSED -> true;
      case OPEN -> false;
      case HALF_OPEN -> !c.probeOutAt(now);
    };
  }

  /**
   * A call was placed on the key. When half-open this claims the probe; apply it atomically with
   * {@link #admits} so that only one caller wins the probe.
   */
  public Circuit onAdmitted(Circuit c, long now) {
    if (c.stateAt(now) == CircuitState.HALF_OPEN && !c.probeOutAt(now)) {
      return new Circuit(List.of(), c.openUntilMillis(), now + probeLease.toMillis());
    }
    return c;
  }

  /** A call succeeded. Half-open: closes. Open: unchanged (the call predates the trip). */
  public Circuit onSuccess(Circuit c, long now) {
    return c.stateAt(now) == CircuitState.HALF_OPEN ? Circuit.CLOSED : c;
  }

  /**
   * A call failed. Closed: counted, and the threshold-th failure within the window opens the
   * circuit. Half-open: re-opens. Open: unchanged (the call predates the trip).
   */
  public Circuit onFailure(Circuit c, long now) {
    switch (c.stateAt(now)) {
      case OPEN:
        return c;
      case HALF_OPEN:
        return open(now);
      default:
        long windowStart = now - failureWindow.toMillis();
        List<Long> recent = new ArrayList<>(failureThreshold);
        for (long t : c.recentFailureMillis()) {
          if (t > windowStart) {
            recent.add(t);
          }
        }
        recent.add(now);
        if (recent.size() >= failureThreshold) {
          return open(now);
        }
        return new Circuit(recent, 0, 0);
    }
  }

  /** A half-open probe never reached the upstream: the next caller may probe at once. */
  public Circuit onAbandoned(Circuit c, long now) {
    if (c.stateAt(now) == CircuitState.HALF_OPEN && c.probeUntilMillis() != 0) {
      return new Circuit(List.of(), c.openUntilMillis(), 0);
    }
    return c;
  }

  private Circuit open(long now) {
    return new Circuit(List.of(), now + openDuration.toMillis(), 0);
  }
}
