package org.keytriage.core.routing.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import org.keytriage.core.config.Secret;
import org.keytriage.core.keys.KeyState;
import org.keytriage.core.ledger.Reservation;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.routing.RoutingGuards;
import org.keytriage.spi.KeyTier;

/**
 * An allocation backed by a ledger reservation; the first completion wins, later ones are no-ops.
 * Completion also books cost against budgets and feeds the key's circuit breaker. It keeps the key
 * state the router saw, so that a success on a closed circuit needs no read of the state: the
 * settle is then its only grid round trip (the cost booking is sent without waiting).
 */
final class LedgerAllocation implements Allocation {
  private final RoutedKey key;
  private final String taskType;
  private final KeyTier tier;
  private final Reservation reservation;
  private final CompletionServices services;
  private final RoutingGuards guards;
  private final boolean probe;
  private final KeyState seen;
  private final AtomicBoolean completed = new AtomicBoolean();

  LedgerAllocation(
      RoutedKey key,
      String taskType,
      KeyTier tier,
      Reservation reservation,
      CompletionServices services,
      RoutingGuards guards,
      boolean probe,
      KeyState seen) {
    this.key = key;
    this.taskType = taskType;
    this.tier = tier;
    this.reservation = reservation;
    this.services = services;
    this.guards = guards;
    this.probe = probe;
    this.seen = seen;
  }

  @Override
  public String keyId() {
    return key.id();
  }

  @Override
  public String taskType() {
    return taskType;
  }

  @Override
  public Secret apiKey() {
    return key.config().apiKey();
  }

  @Override
  public String baseUrl() {
    return key.config().baseUrl();
  }

  @Override
  public KeyTier tier() {
    return tier;
  }

  @Override
  public Reservation reservation() {
    return reservation;
  }

  @Override
  public void succeeded(long actualTokens, long latencyMillis) {
    if (complete(true, actualTokens, latencyMillis)) {
      services.circuits().succeeded(key, seen);
    }
  }

  @Override
  public void failed(long consumedTokens, long latencyMillis) {
    if (complete(false, consumedTokens, latencyMillis)) {
      services.circuits().failed(key);
    }
  }

  private boolean complete(boolean success, long tokens, long latencyMillis) {
    if (!completed.compareAndSet(false, true)) {
      return false;
    }
    long booked = Math.max(0, tokens);
    double cost = booked * key.config().costPerToken();
    services.ledger().settle(reservation, booked);
    services.accounting().recordCall(key.id(), taskType, success, booked, cost, latencyMillis);
    services.budgets().book(key.config(), cost, guards);
    return true;
  }

  @Override
  public void release() {
    if (completed.compareAndSet(false, true)) {
      services.ledger().release(reservation);
      if (probe) {
        services.circuits().abandoned(key);
      }
    }
  }

  @Override
  public void unreachable() {
    if (completed.compareAndSet(false, true)) {
      services.ledger().release(reservation);
      services.circuits().failed(key);
    }
  }

  @Override
  public boolean completed() {
    return completed.get();
  }

  /** Whether this allocation holds its key's half-open probe. */
  boolean probe() {
    return probe;
  }

  @Override
  public String toString() {
    return "Allocation[key=" + key.id() + ", task=" + taskType + ", tier=" + tier + (probe ? ", probe" : "") + "]";
  }
}
