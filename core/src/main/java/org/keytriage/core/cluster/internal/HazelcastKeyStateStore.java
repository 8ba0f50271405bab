package org.keytriage.core.cluster.internal;

import com.hazelcast.map.IMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.keytriage.core.cluster.LedgerUnavailableException;
import org.keytriage.core.keys.KeyState;
import org.keytriage.core.keys.KeyStateStore;

/**
 * Key states in a Hazelcast map, so a cooldown, an open circuit or a quarantine set on one node
 * holds on every node from its next request on.
 *
 * <p>The change passed to {@link #update} is usually a lambda that cannot travel to the owner, so
 * the update is a compare-and-swap loop on the caller: read, apply the change here, store it with
 * {@link CompareAndSetState} if nobody changed the state in between, else retry with the state the
 * owner answered. State changes are rare (a 429, a failure, an administrator), so retries are too.
 * No near cache: a local copy would let a node miss a cooldown.
 */
public final class HazelcastKeyStateStore implements KeyStateStore {
  private final IMap<String, KeyState> states;
  private final GridCall calls;

  public HazelcastKeyStateStore(IMap<String, KeyState> states, GridCall calls) {
    this.states = Objects.requireNonNull(states, "states");
    this.calls = Objects.requireNonNull(calls, "calls");
  }

  @Override
  public KeyState get(String keyId, KeyState initial) {
    KeyState state = calls.await("state read of key '" + keyId + "'", () -> states.getAsync(keyId));
    return state == null ? initial : state;
  }

  /** One {@link ReadStateProcessor} on every key at once: one round trip, however many keys. */
  @Override
  public Map<String, KeyState> getAll(Collection<String> keyIds) {
    if (keyIds.isEmpty()) {
      return Map.of();
    }
    Set<String> keys = new LinkedHashSet<>(keyIds);
    Map<String, KeyState> read =
        calls.await("state read of keys " + keys, () -> states.submitToKeys(keys, new ReadStateProcessor()));
    Map<String, KeyState> stored = new LinkedHashMap<>();
    for (String id : keys) {
      KeyState state = read.get(id); // a key without state may be absent or map to null
      if (state != null) {
        stored.put(id, state);
      }
    }
    return stored;
  }

  /**
   * @throws LedgerUnavailableException when the grid does not answer, or the state kept changing
   *     under this update for longer than the operation timeout
   */
  @Override
  public KeyState update(String keyId, KeyState initial, UnaryOperator<KeyState> change) {
    long deadline = System.nanoTime() + calls.timeout().toNanos();
    String what = "state update of key '" + keyId + "'";
    KeyState stored = calls.await(what, () -> states.getAsync(keyId));
    while (true) {
      KeyState base = stored == null ? initial : stored;
      KeyState next = Objects.requireNonNull(change.apply(base), "a key state change returned null");
      if (next.equals(base)) {
        return base; // nothing to write, and nothing for the other nodes to learn
      }
      KeyState expected = stored;
      CompareAndSetState.Outcome outcome =
          calls.await(what, () -> states.submitToKey(keyId, new CompareAndSetState(expected, next)));
      if (outcome.swapped()) {
        return next;
      }
      stored = outcome.current();
      if (System.nanoTime() - deadline > 0) {
        throw new LedgerUnavailableException(
            "KeyTriage cluster grid: " + what + " lost every compare-and-swap race for "
                + calls.timeout().toMillis() + " ms; another node keeps changing this key's state."
                + " Check for a runaway client or raise keytriage.cluster.operation-timeout.",
            null);
      }
    }
  }

  /** The grid map behind this store. */
  public IMap<String, KeyState> map() {
    return states;
  }
}
