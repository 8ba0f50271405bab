package org.keytriage.core.keys;

import java.io.Serializable;
import java.util.Objects;

/**
 * A key's run-time state. Immutable; change it with {@link KeyStateStore#update}. Every time in it
 * is absolute (epoch millis of the engine's clock), so a cluster store can share it as it is.
 *
 * @param active an administrator's switch; starts as the config's {@code is_active}
 * @param quarantined set when the upstream rejected the key's credentials; cleared only by an
 *     administrator's restore
 * @param cooldownUntilMillis epoch millis before which the key is not used (after a 429); 0 = none
 * @param rateLimitStreak consecutive 429s without a success in between; drives the exponential
 *     cooldown when the upstream sends no {@code Retry-After}
 * @param circuit the key's circuit breaker data
 */
public record KeyState(
    boolean active,
    boolean quarantined,
    long cooldownUntilMillis,
    int rateLimitStreak,
    Circuit circuit)
    implements Serializable {

  public KeyState {
    Objects.requireNonNull(circuit, "circuit");
  }

  /** A state without rate-limit streak and with a closed circuit (the original three fields). */
  public KeyState(boolean active, boolean quarantined, long cooldownUntilMillis) {
    this(active, quarantined, cooldownUntilMillis, 0, Circuit.CLOSED);
  }

  public static KeyState initial(boolean active) {
    return new KeyState(active, false, 0);
  }

  /**
   * Whether the router may offer the key at {@code nowMillis}: active, not quarantined, not cooling
   * down. The circuit is judged separately by a {@link CircuitBreakerPolicy}, because a half-open
   * circuit admits exactly one caller.
   */
  public boolean usableAt(long nowMillis) {
    return active && !quarantined && nowMillis >= cooldownUntilMillis;
  }

  public boolean coolingDownAt(long nowMillis) {
    return nowMillis < cooldownUntilMillis;
  }

  public CircuitState circuitStateAt(long nowMillis) {
    return circuit.stateAt(nowMillis);
  }

  public KeyState withActive(boolean value) {
    return new KeyState(value, quarantined, cooldownUntilMillis, rateLimitStreak, circuit);
  }

  public KeyState withQuarantined(boolean value) {
    return new KeyState(active, value, cooldownUntilMillis, rateLimitStreak, circuit);
  }

  /** Cools the key until {@code untilMillis}, never shortening a longer cooldown. */
  public KeyState cooledUntil(long untilMillis) {
    return new KeyState(
        active, quarantined, Math.max(cooldownUntilMillis, untilMillis), rateLimitStreak, circuit);
  }

  public KeyState withRateLimitStreak(int value) {
    return new KeyState(active, quarantined, cooldownUntilMillis, value, circuit);
  }

  public KeyState withCircuit(Circuit value) {
    return new KeyState(active, quarantined, cooldownUntilMillis, rateLimitStreak, value);
  }
}
