package org.keytriage.core.keys;

import java.io.Serializable;
import java.util.List;

/**
 * A key's circuit breaker data, part of its {@link KeyState}. Immutable. Times are absolute epoch
 * millis of the engine's clock, so every node of a cluster reads the same state without knowing
 * the policy that wrote it; {@link CircuitBreakerPolicy} makes all the transitions.
 *
 * @param recentFailureMillis when the latest failures happened (at most the policy's threshold,
 *     oldest first); only meaningful while closed
 * @param openUntilMillis 0 while closed; else the end of the open period, after which the circuit
 *     is half-open until a probe decides
 * @param probeUntilMillis while half-open, the end of the current probe's lease (another probe is
 *     let through after it); 0 when no probe is out
 */
public record Circuit(List<Long> recentFailureMillis, long openUntilMillis, long probeUntilMillis)
    implements Serializable {

  /** A closed circuit with no failures: the initial state. */
  public static final Circuit CLOSED = new Circuit(List.of(), 0, 0);

  public Circuit {
    recentFailureMillis = List.copyOf(recentFailureMillis);
  }

  public CircuitState stateAt(long nowMillis) {
    if (openUntilMillis == 0) {
      return CircuitState.CLOSED;
    }
    return nowMillis < openUntilMillis ? CircuitState.OPEN : CircuitState.HALF_OPEN;
  }

  /** Whether a half-open probe is out and its lease has not run out. */
  public boolean probeOutAt(long nowMillis) {
    return nowMillis < probeUntilMillis;
  }

  /** Milliseconds until the open period ends, 0 when not open. */
  public long openRemainingMillis(long nowMillis) {
    return stateAt(nowMillis) == CircuitState.OPEN ? openUntilMillis - nowMillis : 0;
  }
}
