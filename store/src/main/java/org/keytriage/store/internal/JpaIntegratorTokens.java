package org.keytriage.store.internal;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.keytriage.core.events.GatewayEvents;
import org.keytriage.core.integrators.IntegratorToken;
import org.keytriage.core.integrators.IntegratorTokenStore;

/**
 * Integrator tokens in the database. Every node sharing the database notices another's create or
 * revoke by reading {@code MAX(updated_at_ms)} and the row count twice a second (one cheap query), so
 * a revoked token is refused on every node within a second, with or without a grid.
 */
public final class JpaIntegratorTokens implements IntegratorTokenStore {
  private static final System.Logger LOG = System.getLogger(JpaIntegratorTokens.class.getName());
  private static final long POLL_MILLIS = 500;

  private final Jpa jpa;
  private final Clock clock;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService poller;
  private volatile String lastSeen;

  public JpaIntegratorTokens(Jpa jpa, Clock clock) {
    this.jpa = jpa;
    this.clock = clock;
    this.lastSeen = version();
    this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "keytriage-integrator-tokens");
      t.setDaemon(true);
      return t;
    });
    poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
  }

  private String version() {
    Object[] v = jpa.read(em -> em.createQuery(
        "SELECT MAX(t.updatedAtMs), COUNT(t) FROM IntegratorTokenRow t", Object[].class).getSingleResult());
    return v[0] + "/" + v[1];
  }

  private void poll() {
    try {
      String now = version();
      if (!now.equals(lastSeen)) {
        lastSeen = now;
        listeners.forEach(Runnable::run);
      }
    } catch (RuntimeException e) {
      // the database is away: tokens stay as last read; the next poll tries again
      LOG.log(Level.DEBUG, "integrator token poll failed: " + e.getClass().getName());
    }
  }

  @Override
  public void create(IntegratorToken token) {
    try {
      jpa.run(em -> em.persist(IntegratorTokenRow.of(token, clock.millis())));
    } catch (RuntimeException e) {
      boolean exists = jpa.read(em -> em.createQuery(
              "SELECT COUNT(t) FROM IntegratorTokenRow t WHERE t.id = :id OR t.tokenSha256 = :hash", Long.class)
          .setParameter("id", token.id()).setParameter("hash", token.tokenSha256()).getSingleResult()) > 0;
      if (exists) {
        throw new IllegalArgumentException("a token with id " + token.id() + " or the same hash exists");
      }
      throw e;
    }
    changed();
  }

  @Override
  public List<IntegratorToken> all() {
    return jpa.read(em -> em.createQuery(
            "SELECT t FROM IntegratorTokenRow t ORDER BY t.createdAtMs, t.id", IntegratorTokenRow.class)
        .getResultList().stream().map(IntegratorTokenRow::toToken).toList());
  }

  @Override
  public boolean revoke(String id, Instant at) {
    boolean revoked = jpa.inTransaction(em -> {
      IntegratorTokenRow row = em.find(IntegratorTokenRow.class, id);
      if (row == null) {
        throw new NoSuchElementException("no integrator token " + id);
      }
      if (row.revokedAtMs != null) {
        return false;
      }
      row.revokedAtMs = at.toEpochMilli();
      row.updatedAtMs = Math.max(clock.millis(), row.updatedAtMs + 1);
      return true;
    });
    if (revoked) {
      changed();
    }
    return revoked;
  }

  @Override
  public void touch(Map<String, Instant> lastUsed) {
    if (lastUsed.isEmpty()) {
      return;
    }
    jpa.run(em -> lastUsed.forEach((id, at) -> em.createQuery(
            "UPDATE IntegratorTokenRow t SET t.lastUsedAtMs = :at WHERE t.id = :id"
                + " AND (t.lastUsedAtMs IS NULL OR t.lastUsedAtMs < :at)")
        .setParameter("at", at.toEpochMilli()).setParameter("id", id).executeUpdate()));
  }

  /** This node's own change: its listeners hear it at once, the poll need not. */
  private void changed() {
    try {
      lastSeen = version();
    } catch (RuntimeException e) {
      // the poll will notice
    }
    listeners.forEach(Runnable::run);
  }

  @Override
  public GatewayEvents.Subscription onChange(Runnable listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Stops polling; never interrupts a poll under way (H2 closes its file database when the thread writing it is interrupted). */
  @Override
  public void close() {
    poller.shutdown();
    try {
      poller.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
