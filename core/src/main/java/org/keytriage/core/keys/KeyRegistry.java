package org.keytriage.core.keys;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.errors.ErrorCode;
import org.keytriage.core.errors.KeyTriageException;
import org.keytriage.core.events.GatewayEvents;
import org.keytriage.core.events.KeyChanged;

/**
 * The key catalogue and each key's run-time state: the one place that knows which keys exist and
 * changes their state. Every change is one atomic update of the key's {@link KeyState} in the
 * {@link KeyStateStore} (cluster-wide when the store is), and operators' changes are published as
 * {@link KeyChanged} events with who and why. Thread-safe.
 */
public final class KeyRegistry {
  private final Map<String, ApiKeyConfig> keysById;
  private final KeyStateStore states;
  private final Clock clock;
  private final GatewayEvents events;

  public KeyRegistry(Collection<ApiKeyConfig> keys, KeyStateStore states, Clock clock, GatewayEvents events) {
    Map<String, ApiKeyConfig> byId = new LinkedHashMap<>();
    keys.forEach(k -> byId.put(k.keyId(), k));
    this.keysById = java.util.Collections.unmodifiableMap(byId);
    this.states = Objects.requireNonNull(states, "states");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.events = Objects.requireNonNull(events, "events");
  }

  /** Every key, in configuration order. */
  public Collection<ApiKeyConfig> all() {
    return keysById.values();
  }

  /**
   * The key's configuration.
   *
   * @throws KeyTriageException {@link ErrorCode#UNKNOWN_KEY}, listing the configured keys
   */
  public ApiKeyConfig key(String keyId) {
    ApiKeyConfig key = keysById.get(keyId);
    if (key == null) {
      throw new KeyTriageException(ErrorCode.UNKNOWN_KEY,
          "Unknown key_id '" + keyId + "'. Configured keys: " + String.join(", ", keysById.keySet()));
    }
    return key;
  }

  /** Whether a key with this id is configured. */
  public boolean contains(String keyId) {
    return keysById.containsKey(keyId);
  }

  /** The key's run-time state now. */
  public KeyState state(String keyId) {
    ApiKeyConfig key = key(keyId);
    return states.get(keyId, KeyState.initial(key.active()));
  }

  /**
   * Applies {@code change} atomically and returns the new state. The change may run more than once
   * (a compare-and-swap loop in a cluster), so it must be a pure function of the state it is given.
   */
  public KeyState update(String keyId, UnaryOperator<KeyState> change) {
    ApiKeyConfig key = key(keyId);
    return states.update(keyId, KeyState.initial(key.active()), change);
  }

  /** Turns a key on or off for routing: an operator's switch. */
  public KeyState setActive(String keyId, boolean active, String actor, String reason) {
    KeyState after = update(keyId, s -> s.withActive(active));
    events.publish(new KeyChanged(clock.instant(), keyId,
        active ? KeyChanged.Change.ACTIVATED : KeyChanged.Change.DEACTIVATED, actor, reason));
    return after;
  }

  /** Lifts a quarantine, any cooldown and an open circuit, and activates the key. */
  public KeyState restore(String keyId, String actor, String reason) {
    KeyState after = update(keyId, s -> KeyState.initial(true));
    events.publish(new KeyChanged(clock.instant(), keyId, KeyChanged.Change.RESTORED, actor, reason));
    return after;
  }
}
