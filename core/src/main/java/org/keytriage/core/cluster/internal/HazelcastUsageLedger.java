package org.keytriage.core.cluster.internal;

import com.hazelcast.map.IMap;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.keytriage.core.cluster.LedgerUnavailableException;
import org.keytriage.core.ledger.LedgerOperation;
import org.keytriage.core.ledger.Reservation;
import org.keytriage.core.ledger.ReserveResult;
import org.keytriage.core.ledger.UsageLedger;
import org.keytriage.core.ledger.UsageSnapshot;
import org.keytriage.core.ledger.UsageWindow;

/**
 * The usage ledger on a Hazelcast map of key id to {@link UsageWindow}: every operation is one
 * {@link LedgerEntryProcessor} on the key's partition owner, so every member makes the same
 * decision on the same window, and the synchronous backup holds the result before the caller sees
 * it.
 *
 * <p>Failures: an operation that the grid cannot answer within the timeout throws {@link
 * LedgerUnavailableException}, except settle and release, which are dropped with a warning (the
 * grid keeps the estimate: safe) and {@link #usage}, which answers the last known copy (reports
 * must render while the grid is away). {@link #usageAll}, the router's view, does not wait for the
 * grid at all unless the copy age is 0. Closing does not touch the Hazelcast instance: whoever
 * created it shuts it down.
 */
public final class HazelcastUsageLedger implements UsageLedger {
  private static final System.Logger LOG = System.getLogger(HazelcastUsageLedger.class.getName());

  private final IMap<String, UsageWindow> windows;
  private final Clock clock;
  private final GridCall calls;
  private final RecentUsage recent;
  private final RefreshClaims refreshing = new RefreshClaims();

  public HazelcastUsageLedger(
      IMap<String, UsageWindow> windows, Clock clock, GridCall calls, Duration usageReadMaxAge) {
    this.windows = Objects.requireNonNull(windows, "windows");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.calls = Objects.requireNonNull(calls, "calls");
    this.recent = new RecentUsage(clock, usageReadMaxAge);
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public <R> R execute(String keyId, LedgerOperation<R> operation) {
    long at = clock.millis();
    R answer =
        calls.await(
            describe(operation, keyId),
            () -> windows.submitToKey(keyId, new LedgerEntryProcessor<>(operation)));
    if (answer instanceof ReserveResult r) {
      recent.remember(keyId, r.usage(), at);
    } else if (answer instanceof UsageSnapshot u) {
      recent.remember(keyId, u, at);
    }
    return answer;
  }

  @Override
  public UsageSnapshot settle(Reservation reservation, long actualTokens) {
    try {
      return UsageLedger.super.settle(reservation, actualTokens);
    } catch (LedgerUnavailableException e) {
      return dropped("settle", reservation, e);
    }
  }

  @Override
  public UsageSnapshot release(Reservation reservation) {
    try {
      return UsageLedger.super.release(reservation);
    } catch (LedgerUnavailableException e) {
      return dropped("release", reservation, e);
    }
  }

  private UsageSnapshot dropped(String what, Reservation reservation, LedgerUnavailableException e) {
    LOG.log(
        Level.WARNING,
        "Dropped a " + what + " on key '" + reservation.keyId() + "': the grid keeps the reservation's "
            + reservation.tokens() + " estimated tokens until they leave the window. " + e.getMessage());
    UsageSnapshot known = recent.lastKnown(reservation.keyId());
    return known != null ? known : UsageSnapshot.EMPTY;
  }

  /** This node's recent copy when fresh, else a read-only read on the owner. */
  @Override
  public UsageSnapshot usage(String keyId) {
    UsageSnapshot fresh = recent.fresh(keyId);
    if (fresh != null) {
      return fresh;
    }
    long at = clock.millis();
    try {
      UsageSnapshot read =
          calls.await(
              "usage read on key '" + keyId + "'",
              () -> windows.submitToKey(keyId, new ReadUsageProcessor(at)));
      recent.remember(keyId, read, at);
      return read;
    } catch (LedgerUnavailableException e) {
      LOG.log(Level.DEBUG, "Usage of key '" + keyId + "' reported from this node's last copy", e);
      UsageSnapshot known = recent.lastKnown(keyId);
      return known != null ? known : UsageSnapshot.EMPTY;
    }
  }

  /**
   * Fresh copies as they are; the others answered from this node's last copy (empty if it has none)
   * while one background read refreshes them all, so ranking candidates never waits for the grid.
   * Under steady traffic the answer lags the cluster by at most the copy age plus one round trip;
   * the first request after a quiet spell ranks on the copy from before it. Ranking only: the
   * reservation decides. With a copy age of 0 (exact reads) the stale keys are read at once, in
   * one round trip.
   */
  @Override
  public Map<String, UsageSnapshot> usageAll(Collection<String> keyIds) {
    Map<String, UsageSnapshot> out = new LinkedHashMap<>();
    Set<String> stale = new LinkedHashSet<>();
    for (String id : keyIds) {
      UsageSnapshot fresh = recent.fresh(id);
      if (fresh != null) {
        out.put(id, fresh);
      } else {
        stale.add(id);
      }
    }
    if (stale.isEmpty()) {
      return out;
    }
    if (!recent.enabled()) {
      out.putAll(readAll(stale));
      return out;
    }
    refreshInBackground(stale);
    for (String id : stale) {
      UsageSnapshot known = recent.lastKnown(id);
      out.put(id, known != null ? known : UsageSnapshot.EMPTY);
    }
    return out;
  }

  /** One read-only read of every key on its owner, waited for. */
  private Map<String, UsageSnapshot> readAll(Set<String> keys) {
    long at = clock.millis();
    try {
      return calls.await("usage read of keys " + keys, () -> windows.submitToKeys(keys, new ReadUsageProcessor(at)));
    } catch (LedgerUnavailableException e) {
      LOG.log(Level.DEBUG, "Usage of keys " + keys + " ranked as unknown: the grid did not answer", e);
      return Map.of();
    }
  }

  /** One read-only read of every key not already being refreshed; answers land in the copies. */
  private void refreshInBackground(Set<String> stale) {
    Set<String> mine = refreshing.claim(stale);
    if (mine.isEmpty()) {
      return;
    }
    long at = clock.millis();
    calls.send("usage refresh of keys " + mine, () -> windows.submitToKeys(mine, new ReadUsageProcessor(at)))
        .whenComplete(
            (read, failure) -> {
              refreshing.done(mine);
              if (read != null) {
                read.forEach((id, usage) -> recent.remember(id, usage, at));
              } else {
                LOG.log(Level.DEBUG, "Usage copies of keys " + mine + " not refreshed", failure);
              }
            });
  }

  private static String describe(LedgerOperation<?> operation, String keyId) {
    String name = operation.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    return name + " on key '" + keyId + "'";
  }

  /** The grid map behind this ledger. */
  public IMap<String, UsageWindow> map() {
    return windows;
  }
}
