package org.keytriage.core.cluster;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.keytriage.core.ledger.LedgerOperation;
import org.keytriage.core.ledger.Reservation;
import org.keytriage.core.ledger.UsageLedger;
import org.keytriage.core.ledger.UsageSnapshot;

/** Spreads calls over one ledger per member, so consecutive operations go through different members. */
final class RoundRobinLedger implements UsageLedger {
  private final List<UsageLedger> members;
  private final AtomicInteger next = new AtomicInteger();

  RoundRobinLedger(List<UsageLedger> members) {
    this.members = List.copyOf(members);
  }

  private UsageLedger pick() {
    return members.get(Math.floorMod(next.getAndIncrement(), members.size()));
  }

  @Override
  public Clock clock() {
    return members.get(0).clock();
  }

  @Override
  public <R> R execute(String keyId, LedgerOperation<R> operation) {
    return pick().execute(keyId, operation);
  }

  @Override
  public UsageSnapshot settle(Reservation reservation, long actualTokens) {
    return pick().settle(reservation, actualTokens);
  }

  @Override
  public UsageSnapshot release(Reservation reservation) {
    return pick().release(reservation);
  }

  @Override
  public UsageSnapshot usage(String keyId) {
    return pick().usage(keyId);
  }

  @Override
  public Map<String, UsageSnapshot> usageAll(Collection<String> keyIds) {
    return pick().usageAll(keyIds);
  }

  @Override
  public void close() {
    members.forEach(UsageLedger::close);
  }
}
