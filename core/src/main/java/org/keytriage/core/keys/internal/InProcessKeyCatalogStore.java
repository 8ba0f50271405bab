package org.keytriage.core.keys.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.events.GatewayEvents;
import org.keytriage.core.keys.KeyCatalogStore;

/** Run-time catalogue changes of one JVM, in insertion order. */
public final class InProcessKeyCatalogStore implements KeyCatalogStore {
  private final Map<String, Optional<ApiKeyConfig>> changes = new LinkedHashMap<>();
  private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

  @Override
  public synchronized Map<String, Optional<ApiKeyConfig>> changes() {
    return Map.copyOf(changes);
  }

  @Override
  public void put(ApiKeyConfig key) {
    synchronized (this) {
      changes.put(key.keyId(), Optional.of(key));
    }
    listeners.forEach(Runnable::run);
  }

  @Override
  public void retire(String keyId) {
    synchronized (this) {
      changes.put(keyId, Optional.empty());
    }
    listeners.forEach(Runnable::run);
  }

  @Override
  public GatewayEvents.Subscription onChange(Runnable listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
