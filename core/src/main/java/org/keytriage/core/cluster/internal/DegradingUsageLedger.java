package org.keytriage.core.cluster.internal;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.LongSupplier;
import org.keytriage.core.cluster.LedgerUnavailableException;
import org.keytriage.core.ledger.DenialReason;
import org.keytriage.core.ledger.KeyLimits;
import org.keytriage.core.ledger.LedgerOperation;
import org.keytriage.core.ledger.LedgerOperations;
import org.keytriage.core.ledger.Reservation;
import org.keytriage.core.ledger.ReserveResult;
import org.keytriage.core.ledger.UsageLedger;
import org.keytriage.core.ledger.UsageLedgers;
import org.keytriage.core.ledger.UsageSnapshot;

/**
 * Failure mode DEGRADE: the grid ledger while it answers; when it does not, an in-process ledger
 * that admits this node's share of each limit ({@link DegradedLimits}), for the recheck interval
 * ({@link GridOutage}). Settle and release follow their reservation: a local one to the local
 * ledger, a grid one to the grid (which drops it if still away: safe).
 */
public final class DegradingUsageLedger implements UsageLedger {
  private static final System.Logger LOG = System.getLogger(DegradingUsageLedger.class.getName());

  private final UsageLedger grid;
  private final UsageLedger local;
  private final DegradedLimits share;
  private final GridOutage outage;
  private final LocalReservations localReservations = new LocalReservations();

  /**
   * @param grid the cluster ledger; throws {@link LedgerUnavailableException} when the grid is away
   * @param share the share of each limit this node admits alone, in (0, 1]
   * @param recheck how long to stay local after a failure
   * @param ticker monotonic nanoseconds ({@code System::nanoTime})
   */
  public DegradingUsageLedger(UsageLedger grid, double share, Duration recheck, LongSupplier ticker) {
    this.grid = grid;
    this.local = UsageLedgers.inProcess(grid.clock());
    this.share = new DegradedLimits(share);
    this.outage = new GridOutage(recheck, ticker);
  }

  @Override
  public Clock clock() {
    return grid.clock();
  }

  @Override
  public <R> R execute(String keyId, LedgerOperation<R> operation) {
    if (operation instanceof LedgerOperations.Settle s && localReservations.take(s.reservation())) {
      return local.execute(keyId, operation);
    }
    if (operation instanceof LedgerOperations.Release r && localReservations.take(r.reservation())) {
      return local.execute(keyId, operation);
    }
    if (!outage.active()) {
      try {
        R answer = grid.execute(keyId, operation);
        outage.end();
        return answer;
      } catch (LedgerUnavailableException e) {
        outage.begin(e);
      }
    }
    return locally(keyId, operation);
  }

  @SuppressWarnings("unchecked")
  private <R> R locally(String keyId, LedgerOperation<R> operation) {
    if (operation instanceof LedgerOperations.Reserve r) {
      return (R) reserveLocally(keyId, r);
    }
    if (operation instanceof LedgerOperations.Settle || operation instanceof LedgerOperations.Release) {
      // a grid reservation: freeing it here would free capacity of local ones
      LOG.log(Level.DEBUG, "Grid reservation completed while the grid is away; the grid keeps its estimate");
      return (R) local.usage(keyId);
    }
    return local.execute(keyId, operation);
  }

  private ReserveResult reserveLocally(String keyId, LedgerOperations.Reserve r) {
    KeyLimits mine = share.of(r.limits());
    if (mine == null) {
      return ReserveResult.denied(DenialReason.RPM_LIMIT, outage.millisUntilRecheck(), local.usage(keyId));
    }
    ReserveResult result =
        local.execute(keyId, new LedgerOperations.Reserve(r.keyId(), mine, r.tokens(), r.nowMillis()));
    if (result.isAdmitted()) {
      localReservations.add(result.reservation());
      return result;
    }
    if (result.denialReason() == DenialReason.REQUEST_TOO_LARGE && r.tokens() <= r.limits().maxTpm()) {
      // too large only for this node's share: it fits again once the grid is back
      return ReserveResult.denied(DenialReason.TPM_LIMIT, outage.millisUntilRecheck(), result.usage());
    }
    return result;
  }

  @Override
  public UsageSnapshot settle(Reservation reservation, long actualTokens) {
    if (localReservations.take(reservation)) {
      return local.settle(reservation, actualTokens);
    }
    return grid.settle(reservation, actualTokens);
  }

  @Override
  public UsageSnapshot release(Reservation reservation) {
    if (localReservations.take(reservation)) {
      return local.release(reservation);
    }
    return grid.release(reservation);
  }

  @Override
  public UsageSnapshot usage(String keyId) {
    return outage.active() ? local.usage(keyId) : grid.usage(keyId);
  }

  @Override
  public Map<String, UsageSnapshot> usageAll(Collection<String> keyIds) {
    return outage.active() ? local.usageAll(keyIds) : grid.usageAll(keyIds);
  }

  @Override
  public void close() {
    grid.close();
    local.close();
  }
}
