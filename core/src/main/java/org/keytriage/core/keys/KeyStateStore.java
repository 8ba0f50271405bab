package org.keytriage.core.keys;

import java.util.function.UnaryOperator;

/**
 * Where key states live. The in-process store keeps them in a map; a cluster backend keeps them in
 * the grid so that a cooldown seen on one node holds on every node.
 */
public interface KeyStateStore {

  /** The key's state, or {@code initial} if the store has none yet. */
  KeyState get(String keyId, KeyState initial);

  /** Applies {@code change} atomically and returns the new state. */
  KeyState update(String keyId, KeyState initial, UnaryOperator<KeyState> change);

  /** Creates the store a single JVM uses. */
  static KeyStateStore inProcess() {
    return new org.keytriage.core.keys.internal.InProcessKeyStateStore();
  }
}
