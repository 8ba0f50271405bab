package org.keytriage.core.cluster.internal;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.MapEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryMergedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.map.listener.MapClearedListener;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import org.keytriage.core.cluster.LedgerUnavailableException;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.events.GatewayEvents;
import org.keytriage.core.keys.KeyCatalogStore;

/**
 * The key catalogue's run-time changes in a grid map, key id → the key as JSON (an empty string
 * for a retired key), so every member applies the same ones. Like the strategy choices, each node
 * keeps a copy that an entry listener keeps current: reading the catalogue costs no round trip,
 * and a change made on another node reaches this one's listeners within an event's delivery
 * (normally milliseconds). A write waits for the owner, at most the operation timeout.
 */
public final class HazelcastKeyCatalogStore implements KeyCatalogStore {
  private static final System.Logger LOG = System.getLogger(HazelcastKeyCatalogStore.class.getName());
  private static final String RETIRED = "";

  private final IMap<String, String> entries;
  private final GridCall calls;
  private final ConcurrentHashMap<String, String> copy = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile UUID listener;

  public HazelcastKeyCatalogStore(IMap<String, String> entries, GridCall calls) {
    this.entries = Objects.requireNonNull(entries, "entries");
    this.calls = Objects.requireNonNull(calls, "calls");
    // Hazelcast's listener registration and whole-map read block without a timeout of their own
    CompletableFuture<Map<String, String>> loading =
        CompletableFuture.supplyAsync(this::listenAndLoad, ForkJoinPool.commonPool());
    loading.thenAccept(this::adopt);
    try {
      adopt(calls.await("key catalogue read", () -> loading));
    } catch (LedgerUnavailableException e) {
      LOG.log(Level.WARNING, "Keys changed at run time on other nodes are not known yet; the configured keys"
          + " apply until they are. " + e.getMessage());
    }
  }

  private Map<String, String> listenAndLoad() {
    listener = entries.addEntryListener(new Follower(), true);
    return new HashMap<>(entries);
  }

  private void adopt(Map<String, String> loaded) {
    boolean changed = false;
    for (Map.Entry<String, String> e : loaded.entrySet()) {
      changed |= copy.putIfAbsent(e.getKey(), e.getValue()) == null;
    }
    if (changed) {
      changed();
    }
  }

  @Override
  public Map<String, Optional<ApiKeyConfig>> changes() {
    Map<String, Optional<ApiKeyConfig>> out = new LinkedHashMap<>();
    copy.forEach((id, json) -> out.put(id, json.isEmpty() ? Optional.empty() : Optional.of(KeyConfigJson.read(json))));
    return out;
  }

  @Override
  public void put(ApiKeyConfig key) {
    String json = KeyConfigJson.write(key);
    calls.await("key catalogue change of '" + key.keyId() + "'", () -> entries.setAsync(key.keyId(), json));
    copy.put(key.keyId(), json);
    changed();
  }

  @Override
  public void retire(String keyId) {
    calls.await("key catalogue retirement of '" + keyId + "'", () -> entries.setAsync(keyId, RETIRED));
    copy.put(keyId, RETIRED);
    changed();
  }

  @Override
  public GatewayEvents.Subscription onChange(Runnable l) {
    listeners.add(l);
    return () -> listeners.remove(l);
  }

  private void changed() {
    for (Runnable l : listeners) {
      try {
        l.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "A key catalogue listener failed: {0}", e.getClass().getName());
      }
    }
  }

  @Override
  public void close() {
    UUID id = listener;
    if (id != null) {
      try {
        entries.removeEntryListener(id);
      } catch (RuntimeException e) {
        LOG.log(Level.DEBUG, "Key catalogue listener not removed: " + e);
      }
    }
  }

  /** Applies every change of the map to the copy, then tells the registry (on Hazelcast's event thread). */
  private final class Follower
      implements EntryAddedListener<String, String>,
          EntryUpdatedListener<String, String>,
          EntryMergedListener<String, String>,
          EntryRemovedListener<String, String>,
          MapClearedListener {

    @Override
    public void entryAdded(EntryEvent<String, String> e) {
      follow(e.getKey(), e.getValue());
    }

    @Override
    public void entryUpdated(EntryEvent<String, String> e) {
      follow(e.getKey(), e.getValue());
    }

    @Override
    public void entryMerged(EntryEvent<String, String> e) {
      if (e.getValue() != null) {
        follow(e.getKey(), e.getValue());
      }
    }

    @Override
    public void entryRemoved(EntryEvent<String, String> e) {
      copy.remove(e.getKey());
      changed();
    }

    @Override
    public void mapCleared(MapEvent e) {
      copy.clear();
      changed();
    }

    private void follow(String id, String json) {
      if (!json.equals(copy.put(id, json))) {
        changed();
      }
    }
  }
}
