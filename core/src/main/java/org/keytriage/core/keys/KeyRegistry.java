package org.keytriage.core.keys;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyEntries;
import org.keytriage.core.config.Secret;
import org.keytriage.core.errors.ErrorCode;
import org.keytriage.core.errors.KeyTriageException;
import org.keytriage.core.events.GatewayEvents;
import org.keytriage.core.events.KeyChanged;

/**
 * The key catalogue and each key's run-time state: the one place that knows which keys exist and
 * changes their state. Every state change is one atomic update of the key's {@link KeyState} in
 * the {@link KeyStateStore} (cluster-wide when the store is), and operators' changes are published
 * as {@link KeyChanged} events with who and why. Thread-safe.
 *
 * <p>The catalogue may change at run time: {@link #add}, {@link #change} and {@link #retire} write
 * to the {@link KeyCatalogStore}, whose entries override the configuration file's keys by id. Every
 * node reads the same store, and its change notification makes each node rebuild its catalogue
 * and tell its listeners (the router), so a change is used by every node's next request. A change
 * that would make the catalogue invalid (an unknown task type, a duplicate id, a non-positive
 * limit) is refused before anything is written, with the configuration's own error messages.
 */
public final class KeyRegistry {
  private final List<ApiKeyConfig> configured;
  private final KeyStateStore states;
  private final KeyCatalogStore catalog;
  private final Consumer<List<ApiKeyConfig>> validator;
  private final Clock clock;
  private final GatewayEvents events;
  private final List<Consumer<Collection<ApiKeyConfig>>> listeners = new CopyOnWriteArrayList<>();
  private final GatewayEvents.Subscription catalogSubscription;
  private final SecretDrain drain;
  private volatile KeySwitchStore switches = KeySwitchStore.none();
  private volatile Map<String, ApiKeyConfig> keysById;

  /** A registry of the configured keys only, with no run-time changes shared with anyone. */
  public KeyRegistry(Collection<ApiKeyConfig> keys, KeyStateStore states, Clock clock, GatewayEvents events) {
    this(keys, states, KeyCatalogStore.inProcess(), k -> {}, clock, events, SecretDrain.DEFAULT_DRAIN);
  }

  /**
   * @param configured the configuration file's keys
   * @param catalog where run-time changes are shared
   * @param validator checks a whole candidate catalogue, throwing when it is not usable
   * @param secretDrain how long a replaced or retired secret stays usable for the calls that hold
   *     it (at least the request deadline); then it is destroyed
   */
  public KeyRegistry(Collection<ApiKeyConfig> configured, KeyStateStore states, KeyCatalogStore catalog,
      Consumer<List<ApiKeyConfig>> validator, Clock clock, GatewayEvents events, Duration secretDrain) {
    this.configured = List.copyOf(configured);
    this.states = Objects.requireNonNull(states, "states");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.validator = Objects.requireNonNull(validator, "validator");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.events = Objects.requireNonNull(events, "events");
    this.drain = new SecretDrain(secretDrain);
    this.keysById = merge(catalog.changes());
    this.catalogSubscription = catalog.onChange(this::reload);
  }

  /** Every key, in configuration order, keys added at run time after them. */
  public Collection<ApiKeyConfig> all() {
    return keysById.values();
  }

  /** Calls {@code listener} with the whole catalogue after every change, on this node or another. */
  public GatewayEvents.Subscription onChange(Consumer<Collection<ApiKeyConfig>> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /**
   * The key's configuration.
   *
   * @throws KeyTriageException {@link ErrorCode#UNKNOWN_KEY}, listing the configured keys
   */
  public ApiKeyConfig key(String keyId) {
    ApiKeyConfig key = keysById.get(keyId);
    if (key == null) {
      throw unknown(keyId);
    }
    return key;
  }

  /** Whether a key with this id is in the catalogue. */
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

  /**
   * Keeps operators' switches in {@code store} from now on, and applies the ones it holds (a key
   * switched off before a restart is off again).
   */
  public void keepSwitchesIn(KeySwitchStore store) {
    this.switches = java.util.Objects.requireNonNull(store, "store");
    store.switches().forEach((keyId, active) -> {
      if (contains(keyId)) {
        update(keyId, s -> s.withActive(active));
      }
    });
  }

  /** Turns a key on or off for routing: an operator's switch. */
  public KeyState setActive(String keyId, boolean active, String actor, String reason) {
    KeyState after = update(keyId, s -> s.withActive(active));
    switches.record(keyId, active);
    publish(keyId, active ? KeyChanged.Change.ACTIVATED : KeyChanged.Change.DEACTIVATED, actor, reason);
    return after;
  }

  /** Lifts a quarantine, any cooldown and an open circuit, and activates the key. */
  public KeyState restore(String keyId, String actor, String reason) {
    KeyState after = update(keyId, s -> KeyState.initial(true));
    switches.record(keyId, true);
    publish(keyId, KeyChanged.Change.RESTORED, actor, reason);
    return after;
  }

  /**
   * Adds a key at run time, for every node's next request.
   *
   * @throws KeyTriageException {@link ErrorCode#KEY_CONFLICT} when a key with that id exists
   * @throws org.keytriage.core.config.ConfigException when the key is not usable (names the field)
   */
  public synchronized void add(ApiKeyConfig key, String actor, String reason) {
    if (contains(key.keyId())) {
      throw new KeyTriageException(ErrorCode.KEY_CONFLICT, "A key with key_id '" + key.keyId()
          + "' already exists; change it instead, or choose another key_id.");
    }
    write(key);
    publish(new KeyChanged(clock.instant(), key.keyId(), KeyChanged.Change.ADDED, actor, reason, "",
        KeyEntries.describe(key)));
  }

  /**
   * Replaces a key's configuration (limits, priority, task types, cost, budgets, base URL, secret)
   * for every node's next request. Its usage window and state are kept: a key whose limit is
   * lowered below what its window holds is refused until the window has room.
   *
   * @throws KeyTriageException {@link ErrorCode#UNKNOWN_KEY} for a key not in the catalogue
   * @throws org.keytriage.core.config.ConfigException when the key is not usable (names the field)
   */
  public synchronized void change(ApiKeyConfig key, String actor, String reason) {
    ApiKeyConfig before = key(key.keyId());
    write(key);
    publish(new KeyChanged(clock.instant(), key.keyId(), KeyChanged.Change.CHANGED, actor, reason,
        KeyEntries.describe(before), KeyEntries.describe(key)));
  }

  /**
   * Gives a key a new secret, for every node's next call; calls in flight finish with the old one,
   * which is destroyed once they have drained (see the constructor's {@code secretDrain}). The
   * key records when it was rotated.
   *
   * @throws KeyTriageException {@link ErrorCode#UNKNOWN_KEY} for a key not in the catalogue
   * @throws org.keytriage.core.config.ConfigException when the store refuses the new secret
   */
  public synchronized ApiKeyConfig rotate(String keyId, Secret newSecret, String actor, String reason) {
    ApiKeyConfig before = key(keyId);
    ApiKeyConfig rotated = before.toBuilder().apiKey(newSecret).rotatedAt(clock.instant()).build();
    write(rotated);
    publish(new KeyChanged(clock.instant(), keyId, KeyChanged.Change.ROTATED, actor, reason,
        KeyEntries.describe(before), KeyEntries.describe(rotated)));
    return rotated;
  }

  /**
   * Retires a key: no node routes to it from its next request on; calls in flight finish. Its id
   * is unknown afterwards.
   *
   * @throws KeyTriageException {@link ErrorCode#UNKNOWN_KEY} for a key not in the catalogue
   */
  public synchronized void retire(String keyId, String actor, String reason) {
    ApiKeyConfig before = key(keyId);
    Map<String, Optional<ApiKeyConfig>> after = new LinkedHashMap<>(catalog.changes());
    after.put(keyId, Optional.empty());
    validator.accept(List.copyOf(merge(after).values()));
    catalog.retire(keyId);
    reload();
    publish(new KeyChanged(clock.instant(), keyId, KeyChanged.Change.RETIRED, actor, reason,
        KeyEntries.describe(before), ""));
  }

  /** Stops listening to the catalogue store and destroys the secrets waiting to drain. */
  public void close() {
    catalogSubscription.close();
    drain.close();
  }

  private void write(ApiKeyConfig key) {
    Map<String, Optional<ApiKeyConfig>> after = new LinkedHashMap<>(catalog.changes());
    after.put(key.keyId(), Optional.of(key));
    validator.accept(List.copyOf(merge(after).values()));
    catalog.put(key);
    reload(); // the store tells us too; reading it again now makes the change ours at once
  }

  /**
   * Takes the store's catalogue. While the listeners (the router) switch over, both old and new
   * keys resolve: a request already routed to a retired key, or routed at once to an added one,
   * still finds its key's configuration.
   */
  private synchronized void reload() {
    Map<String, ApiKeyConfig> next = merge(catalog.changes());
    Map<String, ApiKeyConfig> previous = keysById;
    Map<String, ApiKeyConfig> both = new LinkedHashMap<>(previous);
    both.putAll(next);
    keysById = Collections.unmodifiableMap(both);
    Collection<ApiKeyConfig> view = next.values();
    listeners.forEach(l -> l.accept(view));
    keysById = next;
    // a secret this node no longer uses (rotated out, or its key retired, here or on another node)
    // is destroyed once the calls holding it have drained
    previous.forEach((id, old) -> {
      ApiKeyConfig now = next.get(id);
      if (now == null || !now.apiKey().equals(old.apiKey())) {
        drain.destroyLater(old.apiKey());
      }
    });
  }

  private Map<String, ApiKeyConfig> merge(Map<String, Optional<ApiKeyConfig>> changes) {
    Map<String, ApiKeyConfig> byId = new LinkedHashMap<>();
    configured.forEach(k -> byId.put(k.keyId(), k));
    changes.forEach((id, key) -> {
      if (key.isPresent()) {
        byId.put(id, key.get());
      } else {
        byId.remove(id);
      }
    });
    return Collections.unmodifiableMap(byId);
  }

  private void publish(String keyId, KeyChanged.Change change, String actor, String reason) {
    publish(new KeyChanged(clock.instant(), keyId, change, actor, reason));
  }

  private void publish(KeyChanged change) {
    events.publish(change);
  }

  private KeyTriageException unknown(String keyId) {
    return new KeyTriageException(ErrorCode.UNKNOWN_KEY,
        "Unknown key_id '" + keyId + "'. Configured keys: " + String.join(", ", keysById.keySet()));
  }
}
