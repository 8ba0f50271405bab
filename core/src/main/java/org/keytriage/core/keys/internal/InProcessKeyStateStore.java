package org.keytriage.core.keys.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;
import org.keytriage.core.keys.KeyState;
import org.keytriage.core.keys.KeyStateStore;

/** Key states of one JVM, each change atomic through {@link ConcurrentMap#compute}. */
public final class InProcessKeyStateStore implements KeyStateStore {
  private final ConcurrentMap<String, KeyState> states = new ConcurrentHashMap<>();

  @Override
  public KeyState get(String keyId, KeyState initial) {
    KeyState state = states.get(keyId);
    return state == null ? initial : state;
  }

  @Override
  public KeyState update(String keyId, KeyState initial, UnaryOperator<KeyState> change) {
    return states.compute(keyId, (k, current) -> change.apply(current == null ? initial : current));
  }
}
