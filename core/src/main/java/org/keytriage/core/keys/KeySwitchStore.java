package org.keytriage.core.keys;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where operators' on/off switches of keys ({@link KeyRegistry#setActive}, {@link
 * KeyRegistry#restore}) are kept beyond the key states (which live as long as the grid or the
 * JVM): the registry applies them again when it starts, so a key an operator deactivated stays
 * deactivated after a restart of every node. None by default; durable in the store module.
 */
public interface KeySwitchStore {

  /** Every key's last switch: true on, false off. */
  Map<String, Boolean> switches();

  /** Records the key's switch. */
  void record(String keyId, boolean active);

  /** Keeps nothing: switches last as long as the key states. */
  static KeySwitchStore none() {
    return new KeySwitchStore() {
      @Override
      public Map<String, Boolean> switches() {
        return Map.of();
      }

      @Override
      public void record(String keyId, boolean active) {}
    };
  }

  /** Keeps switches in this JVM (for tests of the registry's use of them). */
  static KeySwitchStore inMemory() {
    Map<String, Boolean> map = new ConcurrentHashMap<>();
    return new KeySwitchStore() {
      @Override
      public Map<String, Boolean> switches() {
        return Map.copyOf(map);
      }

      @Override
      public void record(String keyId, boolean active) {
        map.put(keyId, active);
      }
    };
  }
}
