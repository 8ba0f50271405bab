package org.keytriage.simulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keytriage.simulator.KeyBehaviour;

/**
 * The keys the simulator knows, by raw key and by label. Labels are unique; a key without a label
 * is known as "…" plus its last four characters, so that nothing the simulator prints or serves
 * carries a whole key.
 */
public final class KeyRegistry {
  private final Map<String, KeyState> byKey = new LinkedHashMap<>();
  private final boolean acceptUnknownKeys;

  public KeyRegistry(Map<String, KeyBehaviour> keys, boolean acceptUnknownKeys) {
    this.acceptUnknownKeys = acceptUnknownKeys;
    keys.forEach(this::put);
  }

  public boolean acceptUnknownKeys() {
    return acceptUnknownKeys;
  }

  /**
   * The state for a presented key; an unknown key is added with default behaviour when the scenario
   * accepts unknown keys, and refused (empty) otherwise.
   */
  public synchronized Optional<KeyState> find(String apiKey) {
    KeyState state = byKey.get(apiKey);
    if (state == null && acceptUnknownKeys) {
      state = new KeyState(apiKey, KeyBehaviour.defaults().withLabel(freeLabel(apiKey)));
      byKey.put(apiKey, state);
    }
    return Optional.ofNullable(state);
  }

  public synchronized Optional<KeyState> byLabel(String label) {
    return byKey.values().stream().filter(s -> s.behaviour().label().equals(label)).findFirst();
  }

  /**
   * Adds a key or replaces its behaviour; its limiter window and counters carry on.
   *
   * @return the behaviour as stored, with its label resolved
   * @throws IllegalArgumentException if another key already has the label
   */
  public synchronized KeyBehaviour put(String apiKey, KeyBehaviour behaviour) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey must not be blank");
    }
    String label = behaviour.label();
    if (label == null) {
      KeyState existing = byKey.get(apiKey);
      label = existing != null ? existing.behaviour().label() : freeLabel(apiKey);
    } else if (labelTakenByOther(label, apiKey)) {
      throw new IllegalArgumentException("label '" + label + "' is already used by another key");
    }
    KeyBehaviour resolved = behaviour.withLabel(label);
    KeyState state = byKey.get(apiKey);
    if (state == null) {
      byKey.put(apiKey, new KeyState(apiKey, resolved));
    } else {
      state.behaviour(resolved);
    }
    return resolved;
  }

  /** Every key's state, in the order the keys were added. */
  public synchronized List<KeyState> all() {
    return new ArrayList<>(byKey.values());
  }

  /** Resets every key's limiter and counters. */
  public synchronized void resetAll() {
    byKey.values().forEach(KeyState::reset);
  }

  /** "…" plus the key's last four characters: enough to tell keys apart, too little to use. */
  public static String maskedLabel(String apiKey) {
    return "\u2026" + apiKey.substring(Math.max(0, apiKey.length() - 4));
  }

  private String freeLabel(String apiKey) {
    String base = maskedLabel(apiKey);
    String label = base;
    for (int n = 2; labelTakenByOther(label, apiKey); n++) {
      label = base + "#" + n;
    }
    return label;
  }

  private boolean labelTakenByOther(String label, String apiKey) {
    return byKey.values().stream()
        .anyMatch(s -> !s.apiKey().equals(apiKey) && s.behaviour().label().equals(label));
  }
}
