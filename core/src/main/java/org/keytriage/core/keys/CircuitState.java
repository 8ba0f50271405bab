package org.keytriage.core.keys;

/** Where a key's circuit breaker stands; see {@link CircuitBreakerPolicy} for the transitions. */
public enum CircuitState {
  /** Calls flow; failures are counted. */
  CLOSED,
  /** Too many recent failures: the key is skipped until the open period ends. */
  OPEN,
  /** The open period is over: one probe call may go through to decide between closed and open. */
  HALF_OPEN
}
