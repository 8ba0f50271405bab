package org.keytriage.core.cluster.internal;

import com.hazelcast.map.IMap;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.keytriage.core.accounting.AccountingSnapshot;
import org.keytriage.core.accounting.CounterExchange;
import org.keytriage.core.cluster.LedgerUnavailableException;

/**
 * Cluster-wide metrics: each node puts its own counters into a map under its member (or client)
 * UUID, on every metrics read and every publish interval, and metrics add up every entry. A node
 * that left keeps its entry: its calls happened, and totals are totals since start. One engine per
 * Hazelcast instance (a second one would overwrite the first's entry).
 *
 * <p>When the grid does not answer, metrics show this node's own counters (and say so in the log):
 * reports must render during an outage.
 */
public final class HazelcastCounterExchange implements CounterExchange {
  private static final System.Logger LOG = System.getLogger(HazelcastCounterExchange.class.getName());

  private final IMap<String, AccountingSnapshot> byNode;
  private final String self;
  private final GridCall calls;
  private final Duration interval;
  private final ScheduledExecutorService worker;

  public HazelcastCounterExchange(IMap<String, AccountingSnapshot> byNode, String self, GridCall calls, Duration interval) {
    this.byNode = byNode;
    this.self = self;
    this.calls = calls;
    this.interval = interval;
    this.worker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "keytriage-metrics-exchange");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public AccountingSnapshot combine(AccountingSnapshot own) {
    try {
      calls.await("metrics publish of this node", () -> byNode.setAsync(self, own));
      List<AccountingSnapshot> others =
          calls.await("metrics read of every node", () -> CompletableFuture.supplyAsync(this::others, worker));
      AccountingSnapshot all = own;
      for (AccountingSnapshot other : others) {
        all = all.plus(other);
      }
      return all;
    } catch (LedgerUnavailableException e) {
      LOG.log(Level.WARNING, "Metrics show this node only: " + e.getMessage());
      return own;
    }
  }

  private List<AccountingSnapshot> others() {
    List<AccountingSnapshot> out = new ArrayList<>();
    for (Map.Entry<String, AccountingSnapshot> e : byNode.entrySet()) {
      if (!e.getKey().equals(self)) {
        out.add(e.getValue());
      }
    }
    return out;
  }

  @Override
  public AutoCloseable publish(Supplier<AccountingSnapshot> own) {
    long millis = interval.toMillis();
    ScheduledFuture<?> task =
        worker.scheduleWithFixedDelay(
            () -> {
              try {
                byNode.setAsync(self, own.get()); // never block the worker on a slow grid
              } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "Metrics publish skipped: " + e);
              }
            },
            millis,
            millis,
            TimeUnit.MILLISECONDS);
    return () -> task.cancel(false);
  }

  /** Stops publishing for good. */
  public void close() {
    worker.shutdownNow();
  }
}
