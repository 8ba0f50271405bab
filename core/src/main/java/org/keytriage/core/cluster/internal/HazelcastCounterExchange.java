package org.keytriage.core.cluster.internal;

import com.hazelcast.map.IMap;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
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

  private final IMap<String, byte[]> byNode;
  private final String self;
  private final GridCall calls;
  private final Duration interval;
  private final ScheduledExecutorService worker;

  public HazelcastCounterExchange(IMap<String, byte[]> byNode, String self, GridCall calls, Duration interval) {
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
      calls.await("metrics publish of this node", () -> byNode.setAsync(self, encode(own)));
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
    for (Map.Entry<String, byte[]> e : byNode.entrySet()) {
      if (!e.getKey().equals(self)) {
        try {
          out.add(decode(e.getKey(), e.getValue()));
        } catch (IllegalStateException unreadable) {
          LOG.log(Level.WARNING, "Metrics leave out " + unreadable.getMessage());
        }
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
                // never block the worker on a slow grid
                calls.send("metrics publish of this node", () -> byNode.setAsync(self, encode(own.get())))
                    .whenComplete((done, e) -> {
                      if (e != null) {
                        LOG.log(Level.DEBUG, "Metrics publish skipped: " + e);
                      }
                    });
              } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "Metrics publish skipped: " + e);
              }
            },
            millis,
            millis,
            TimeUnit.MILLISECONDS);
    return () -> task.cancel(false);
  }

  /**
   * Snapshots travel as bytes KeyTriage serializes itself, not as objects the grid serializes. On
   * Payara the grid's serializer tags a value with the application of the thread that wrote it and
   * resolves its class on reading through that application; a value written by the background
   * publisher (no application on that thread) could then be read by no one, and a member without
   * the WAR could not even store it. A byte array needs no class anywhere in the grid.
   */
  static byte[] encode(AccountingSnapshot snapshot) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(snapshot);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize this node's metrics", e);
    }
    return bytes.toByteArray();
  }

  /** Reads what {@link #encode} wrote, resolving classes with KeyTriage's own class loader. */
  static AccountingSnapshot decode(String node, byte[] data) {
    ClassLoader own = HazelcastCounterExchange.class.getClassLoader();
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(data)) {
          @Override
          protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
              return Class.forName(desc.getName(), false, own);
            } catch (ClassNotFoundException e) {
              return super.resolveClass(desc);
            }
          }
        }) {
      return (AccountingSnapshot) in.readObject();
    } catch (IOException | ClassNotFoundException | ClassCastException e) {
      throw new IllegalStateException("metrics of node " + node + " are unreadable (another KeyTriage version?): " + e, e);
    }
  }

  /** Stops publishing for good. */
  public void close() {
    worker.shutdownNow();
  }
}
