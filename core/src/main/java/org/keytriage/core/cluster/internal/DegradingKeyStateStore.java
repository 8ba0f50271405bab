package org.keytriage.core.cluster.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.keytriage.core.cluster.LedgerUnavailableException;
import org.keytriage.core.keys.KeyState;
import org.keytriage.core.keys.KeyStateStore;

/**
 * Failure mode DEGRADE for key states: the grid store while it answers, and this node's last known
 * copy of each state while it does not. Changes made while the grid is away (a 429's cooldown, say)
 * hold on this node only.
 */
public final class DegradingKeyStateStore implements KeyStateStore {
  private final KeyStateStore grid;
  private final KeyStateStore lastKnown = KeyStateStore.inProcess();
  private final GridOutage outage;

  public DegradingKeyStateStore(KeyStateStore grid, Duration recheck, LongSupplier ticker) {
    this.grid = grid;
    this.outage = new GridOutage(recheck, ticker);
  }

  @Override
  public KeyState get(String keyId, KeyState initial) {
    if (!outage.active()) {
      try {
        KeyState state = grid.get(keyId, initial);
        outage.end();
        remember(keyId, initial, state);
        return state;
      } catch (LedgerUnavailableException e) {
        outage.begin(e);
      }
    }
    return lastKnown.get(keyId, initial);
  }

  @Override
  public Map<String, KeyState> getAll(Collection<String> keyIds) {
    if (!outage.active()) {
      try {
        Map<String, KeyState> stored = grid.getAll(keyIds);
        outage.end();
        stored.forEach((id, state) -> remember(id, state, state));
        return stored;
      } catch (LedgerUnavailableException e) {
        outage.begin(e);
      }
    }
    return lastKnown.getAll(keyIds);
  }

  @Override
  public KeyState update(String keyId, KeyState initial, UnaryOperator<KeyState> change) {
    if (!outage.active()) {
      try {
        KeyState state = grid.update(keyId, initial, change);
        outage.end();
        remember(keyId, initial, state);
        return state;
      } catch (LedgerUnavailableException e) {
        outage.begin(e);
      }
    }
    return lastKnown.update(keyId, initial, change);
  }

  private void remember(String keyId, KeyState initial, KeyState state) {
    lastKnown.update(keyId, initial, s -> state);
  }
}
