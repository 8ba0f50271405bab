package org.keytriage.core.cluster.internal;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.MapEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryMergedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.map.listener.MapClearedListener;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ForkJoinPool;
import org.keytriage.core.cluster.LedgerUnavailableException;
import org.keytriage.core.routing.StrategyChoiceStore;

/**
 * Strategy choices in a Hazelcast map of task type to strategy id, both plain strings, so grid
 * threads need no KeyTriage class and a member without this node's plugins can hold them.
 *
 * <p>The router asks on every request, so this node answers from a copy of the whole map (a few
 * entries), kept current by an entry listener: a choice made on another node is used here once its
 * event has arrived, normally within milliseconds, never on a request's round trips. The copy is
 * loaded when the store starts (after the listener is registered, so no change falls between
 * them; an event always beats the load, being newer). A choice made through this node is in its
 * copy at once. Events for one task type arrive in the order the owner applied the changes, so
 * every node ends on the last choice.
 */
public final class HazelcastStrategyChoiceStore implements StrategyChoiceStore, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(HazelcastStrategyChoiceStore.class.getName());

  private final IMap<String, String> choices;
  private final GridCall calls;
  private final ConcurrentMap<String, String> copy = new ConcurrentHashMap<>();
  private volatile UUID listener;

  /**
   * Registers the listener and loads the copy, waiting at most the operation timeout; if the grid
   * does not answer, routing uses the configured strategies until the events or a later choice
   * arrive, and a warning says so.
   */
  public HazelcastStrategyChoiceStore(IMap<String, String> choices, GridCall calls) {
    this.choices = Objects.requireNonNull(choices, "choices");
    this.calls = Objects.requireNonNull(calls, "calls");
    // Hazelcast's listener registration and whole-map read block without a timeout of their own
    CompletableFuture<Map<String, String>> loading =
        CompletableFuture.supplyAsync(this::listenAndLoad, ForkJoinPool.commonPool());
    loading.thenAccept(this::adopt); // however late it comes
    try {
      adopt(calls.await("strategy choices read", () -> loading));
    } catch (LedgerUnavailableException e) {
      LOG.log(
          Level.WARNING,
          "Strategy choices made on other nodes are not known yet; the configured strategies apply"
              + " until they are. " + e.getMessage());
    }
  }

  /** Takes the loaded choices where no event has told a newer one. */
  private void adopt(Map<String, String> loaded) {
    loaded.forEach(copy::putIfAbsent);
  }

  private Map<String, String> listenAndLoad() {
    listener = choices.addEntryListener(new Follower(), true);
    return new HashMap<>(choices);
  }

  @Override
  public Optional<String> chosen(String taskType) {
    return Optional.ofNullable(copy.get(taskType));
  }

  /** Waits for the owner (at most the operation timeout): a switch nobody stored must not look done. */
  @Override
  public void choose(String taskType, String strategyId) {
    Objects.requireNonNull(taskType, "taskType");
    Objects.requireNonNull(strategyId, "strategyId");
    calls.await("strategy choice for task type '" + taskType + "'", () -> choices.setAsync(taskType, strategyId));
    copy.put(taskType, strategyId);
  }

  /** Stops following the other nodes' choices. */
  @Override
  public void close() {
    UUID id = listener;
    if (id != null) {
      try {
        choices.removeEntryListener(id);
      } catch (RuntimeException e) {
        LOG.log(Level.DEBUG, "Strategy choice listener not removed: " + e);
      }
    }
  }

  /** Applies every change of the map to the copy; runs on Hazelcast's event threads, so it only copies. */
  private final class Follower
      implements EntryAddedListener<String, String>,
          EntryUpdatedListener<String, String>,
          EntryMergedListener<String, String>,
          EntryRemovedListener<String, String>,
          EntryEvictedListener<String, String>,
          EntryExpiredListener<String, String>,
          MapClearedListener {

    @Override
    public void entryAdded(EntryEvent<String, String> e) {
      copy.put(e.getKey(), e.getValue());
    }

    @Override
    public void entryUpdated(EntryEvent<String, String> e) {
      copy.put(e.getKey(), e.getValue());
    }

    @Override
    public void entryMerged(EntryEvent<String, String> e) {
      if (e.getValue() != null) {
        copy.put(e.getKey(), e.getValue());
      }
    }

    @Override
    public void entryRemoved(EntryEvent<String, String> e) {
      copy.remove(e.getKey());
    }

    @Override
    public void entryEvicted(EntryEvent<String, String> e) {
      copy.remove(e.getKey());
    }

    @Override
    public void entryExpired(EntryEvent<String, String> e) {
      copy.remove(e.getKey());
    }

    @Override
    public void mapCleared(MapEvent e) {
      copy.clear();
    }
  }
}
