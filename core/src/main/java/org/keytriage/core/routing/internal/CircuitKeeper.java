package org.keytriage.core.routing.internal;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.function.Supplier;
import org.keytriage.core.events.GatewayEvents;
import org.keytriage.core.events.KeyPenalised;
import org.keytriage.core.keys.Circuit;
import org.keytriage.core.keys.CircuitBreakerPolicy;
import org.keytriage.core.keys.CircuitState;
import org.keytriage.core.keys.KeyState;
import org.keytriage.core.keys.KeyStateStore;

/**
 * Applies the {@link CircuitBreakerPolicy} to keys' states in the {@link KeyStateStore}, each
 * transition one atomic update, and publishes a {@link KeyPenalised} event when a circuit opens. A success also ends a 429
 * streak.
 *
 * <p>Admission and success judge the state the router's view saw for the key (read once per
 * request for the whole route) and touch the store only when that state needs a transition: a
 * half-open circuit (the probe is claimed atomically on the store's current state), or a success
 * after 429s or on a half-open circuit. A closed circuit costs no store access at all. A change
 * made elsewhere after the view was read is seen by the next request; at worst a call goes to a
 * circuit that opened a moment ago (as it could while that call was being set up), or a success
 * leaves a 429 streak standing, which the next success ends.
 */
final class CircuitKeeper {
  private static final System.Logger LOG = System.getLogger(CircuitKeeper.class.getName());

  /** How a call was let onto a key by its circuit. */
  enum Admission {
    /** The circuit is closed: any number of calls. */
    CLOSED,
    /** The circuit is half-open and this call holds its single probe. */
    PROBE,
    /** Open, or half-open with the probe already out. */
    DENIED
  }

  private final KeyStateStore states;
  private final Clock clock;
  private final GatewayEvents events;
  private final Supplier<CircuitBreakerPolicy> policy;

  CircuitKeeper(KeyStateStore states, Clock clock, GatewayEvents events, Supplier<CircuitBreakerPolicy> policy) {
    this.states = states;
    this.clock = clock;
    this.events = events;
    this.policy = policy;
  }

  /**
   * Claims the half-open probe atomically; a circuit {@code seen} closed admits without touching
   * the store.
   */
  Admission admit(RoutedKey key, KeyState seen, long now) {
    CircuitBreakerPolicy p = policy.get();
    if (seen.circuitStateAt(now) == CircuitState.CLOSED) {
      return Admission.CLOSED;
    }
    Admission[] result = new Admission[1];
    states.update(
        key.id(),
        key.initialState(),
        s -> {
          // set on every run of the function: a store may retry it, the last run is the one applied
          Circuit c = s.circuit();
          if (c.stateAt(now) == CircuitState.CLOSED) {
            result[0] = Admission.CLOSED;
            return s;
          }
          if (!p.admits(c, now)) {
            result[0] = Admission.DENIED;
            return s;
          }
          result[0] = Admission.PROBE;
          return s.withCircuit(p.onAdmitted(c, now));
        });
    return result[0];
  }

  /** A call on the key succeeded; {@code seen} is the state the router saw when it chose the key. */
  void succeeded(RoutedKey key, KeyState seen) {
    long now = clock.millis();
    if (seen.circuitStateAt(now) == CircuitState.CLOSED && seen.rateLimitStreak() == 0) {
      return; // nothing to change: spare the store a read and a write on the common path
    }
    CircuitBreakerPolicy p = policy.get();
    states.update(
        key.id(),
        key.initialState(),
        s -> s.withCircuit(p.onSuccess(s.circuit(), now)).withRateLimitStreak(0));
  }

  void failed(RoutedKey key) {
    long now = clock.millis();
    CircuitBreakerPolicy p = policy.get();
    boolean[] opened = new boolean[1];
    states.update(
        key.id(),
        key.initialState(),
        s -> {
          Circuit before = s.circuit();
          Circuit after = p.onFailure(before, now);
          opened[0] =
              before.stateAt(now) != CircuitState.OPEN && after.stateAt(now) == CircuitState.OPEN;
          return s.withCircuit(after);
        });
    if (opened[0]) {
      String message =
          "Circuit opened for API key: "
              + key.id()
              + " after repeated upstream failures; skipped for "
              + p.openDuration().toSeconds()
              + " s, then one probe";
      LOG.log(Level.WARNING, message);
      events.publish(new KeyPenalised(clock.instant(), key.id(), KeyPenalised.Penalty.CIRCUIT_OPENED, message));
    }
  }

  void abandoned(RoutedKey key) {
    long now = clock.millis();
    CircuitBreakerPolicy p = policy.get();
    states.update(key.id(), key.initialState(), s -> s.withCircuit(p.onAbandoned(s.circuit(), now)));
  }
}
