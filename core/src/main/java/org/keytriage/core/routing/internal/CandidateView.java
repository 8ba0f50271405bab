package org.keytriage.core.routing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keytriage.core.keys.KeyState;
import org.keytriage.core.keys.KeyStateStore;

/**
 * The key states one request is routed on: read for every key of the task route (both tiers) in
 * one {@link KeyStateStore#getAll} before any decision, so a cluster store answers in one round
 * trip however many candidates there are, and nothing reads a state again while the request is
 * placed. The view may be a moment old by the time a key is reserved; that is safe, because the
 * reservation itself is the atomic decision and the half-open probe is claimed on the store.
 */
final class CandidateView {
  private final Map<String, KeyState> stored;

  private CandidateView(Map<String, KeyState> stored) {
    this.stored = stored;
  }

  /** Reads the states of the route's keys that the request has not tried yet. */
  static CandidateView read(KeyStateStore states, TaskRoute route, Set<String> excluded) {
    List<String> ids = new ArrayList<>(route.specialised().size() + route.backups().size());
    for (List<RoutedKey> tier : List.of(route.specialised(), route.backups())) {
      for (RoutedKey key : tier) {
        if (!excluded.contains(key.id())) {
          ids.add(key.id());
        }
      }
    }
    return new CandidateView(ids.isEmpty() ? Map.of() : states.getAll(ids));
  }

  /** The key's state as read, or its initial state when the store had none. */
  KeyState state(RoutedKey key) {
    KeyState s = stored.get(key.id());
    return s != null ? s : key.initialState();
  }
}
