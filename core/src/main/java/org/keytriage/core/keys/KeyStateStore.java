package org.keytriage.core.keys;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where key states live. The in-process store keeps them in a map; a cluster backend keeps them in
 * the grid so that a cooldown seen on one node holds on every node.
 */
public interface KeyStateStore {

  /** The key's state, or {@code initial} if the store has none yet. */
  KeyState get(String keyId, KeyState initial);

  /**
   * The stored states of {@code keyIds}, read together: the router takes its view of a whole task
   * route with this, so a cluster store answers it in one round trip however many keys there are.
   * A key without a stored state is absent from the answer (its initial state applies). The
   * default reads the keys one by one, which is what an in-process store wants.
   */
  default Map<String, KeyState> getAll(Collection<String> keyIds) {
    Map<String, KeyState> stored = new LinkedHashMap<>();
    for (String id : keyIds) {
      KeyState state = get(id, null);
      if (state != null) {
        stored.put(id, state);
      }
    }
    return stored;
  }

  /** Applies {@code change} atomically and returns the new state. */
  KeyState update(String keyId, KeyState initial, UnaryOperator<KeyState> change);

  /** Creates the store a single JVM uses. */
  static KeyStateStore inProcess() {
    return new org.keytriage.core.keys.internal.InProcessKeyStateStore();
  }
}
