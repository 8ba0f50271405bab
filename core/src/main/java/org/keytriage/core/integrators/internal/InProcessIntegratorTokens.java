package org.keytriage.core.integrators.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.keytriage.core.events.GatewayEvents;
import org.keytriage.core.integrators.IntegratorToken;
import org.keytriage.core.integrators.IntegratorTokenStore;

/** Integrator tokens of one JVM, in memory. Thread-safe. */
public final class InProcessIntegratorTokens implements IntegratorTokenStore {
  private final Map<String, IntegratorToken> byId = new LinkedHashMap<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  @Override
  public void create(IntegratorToken token) {
    synchronized (this) {
      if (byId.containsKey(token.id())
          || byId.values().stream().anyMatch(t -> t.tokenSha256().equals(token.tokenSha256()))) {
        throw new IllegalArgumentException("a token with id " + token.id() + " or the same hash exists");
      }
      byId.put(token.id(), token);
    }
    listeners.forEach(Runnable::run);
  }

  @Override
  public synchronized List<IntegratorToken> all() {
    return new ArrayList<>(byId.values());
  }

  @Override
  public boolean revoke(String id, Instant at) {
    synchronized (this) {
      IntegratorToken t = byId.get(id);
      if (t == null) {
        throw new NoSuchElementException("no integrator token " + id);
      }
      if (t.revokedAt() != null) {
        return false;
      }
      byId.put(id, new IntegratorToken(t.id(), t.name(), t.taskTypes(), t.tokenSha256(), t.createdAt(), t.createdBy(),
          t.expiresAt(), t.lastUsedAt(), at));
    }
    listeners.forEach(Runnable::run);
    return true;
  }

  @Override
  public synchronized void touch(Map<String, Instant> lastUsed) {
    lastUsed.forEach((id, at) -> byId.computeIfPresent(id, (k, t) -> t.lastUsedAt() != null && !t.lastUsedAt().isBefore(at)
        ? t : new IntegratorToken(t.id(), t.name(), t.taskTypes(), t.tokenSha256(), t.createdAt(), t.createdBy(),
            t.expiresAt(), at, t.revokedAt())));
  }

  @Override
  public GatewayEvents.Subscription onChange(Runnable listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
