package org.keytriage.core.keys;

import java.util.Map;
import java.util.Optional;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.events.GatewayEvents;

/**
 * Where the changes made to the key catalogue at run time live — keys added, changed or retired
 * after start — so that every node of a cluster applies the same ones. The configuration file's
 * keys are the base; this store's entries override them by key id. In process by default; in a
 * cluster a grid map whose changes reach every member at once. A durable implementation (the
 * database) is the persistence layer's job.
 */
public interface KeyCatalogStore extends AutoCloseable {

  /**
   * Every run-time change by key id: the key as it is now, or empty when it was retired.
   * Consistent as of the call.
   */
  Map<String, Optional<ApiKeyConfig>> changes();

  /** Records {@code key} (added or changed), visible to every node when this returns. */
  void put(ApiKeyConfig key);

  /** Records that the key is retired, visible to every node when this returns. */
  void retire(String keyId);

  /**
   * Calls {@code listener} after each change, made on this node or another, on a thread of the
   * store's; it should re-read {@link #changes()}.
   */
  GatewayEvents.Subscription onChange(Runnable listener);

  @Override
  default void close() {}

  /** The store a single JVM uses: changes live as long as the engine. */
  static KeyCatalogStore inProcess() {
    return new org.keytriage.core.keys.internal.InProcessKeyCatalogStore();
  }
}
