package org.keytriage.core.cluster.internal;

import com.hazelcast.map.IMap;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import org.keytriage.core.accounting.PeriodSpend;
import org.keytriage.core.accounting.SpendStore;
import org.keytriage.core.cluster.FailureMode;
import org.keytriage.core.cluster.LedgerUnavailableException;

/**
 * Budget spend in a Hazelcast map, one entry per account, each booking one {@link AddSpend} on the
 * owner: a key's daily and monthly budget hold for all nodes together.
 *
 * <p>The router reads a budgeted key's spend on every request, so reads are answered from this
 * node's copy while it is younger than the configured age. A booking happens after the call it
 * pays for, so it never throws: if the grid misses it, a warning names the cost, and this node's
 * copy counts it. A read the grid cannot answer throws in {@link FailureMode#FAIL_CLOSED} and
 * answers the last copy in {@link FailureMode#DEGRADE}.
 */
public final class HazelcastSpendStore implements SpendStore {
  private static final System.Logger LOG = System.getLogger(HazelcastSpendStore.class.getName());

  private final IMap<String, PeriodSpend> spend;
  private final GridCall calls;
  private final FailureMode failureMode;
  private final long maxAgeNanos;
  private final LongSupplier ticker;
  private final ConcurrentMap<String, Seen> copies = new ConcurrentHashMap<>();

  private record Seen(PeriodSpend spend, long atNanos) {}

  public HazelcastSpendStore(
      IMap<String, PeriodSpend> spend, GridCall calls, FailureMode failureMode, Duration readMaxAge, LongSupplier ticker) {
    this.spend = spend;
    this.calls = calls;
    this.failureMode = failureMode;
    this.maxAgeNanos = readMaxAge.toNanos();
    this.ticker = ticker;
  }

  @Override
  public PeriodSpend add(String account, long epochDay, long month, double cost) {
    PeriodSpend before;
    try {
      before = calls.await(what("booking", account), () -> spend.submitToKey(account, new AddSpend(epochDay, month, cost)));
    } catch (LedgerUnavailableException e) {
      LOG.log(Level.WARNING, "A cost of " + cost + " on " + name(account) + " is booked on this node only: " + e.getMessage());
      before = lastKnown(account);
    }
    copies.put(account, new Seen(before.plus(epochDay, month, cost), ticker.getAsLong()));
    return before;
  }

  @Override
  public PeriodSpend get(String account) {
    Seen seen = copies.get(account);
    if (seen != null && ticker.getAsLong() - seen.atNanos() <= maxAgeNanos) {
      return seen.spend();
    }
    try {
      PeriodSpend read = calls.await(what("read", account), () -> spend.getAsync(account));
      PeriodSpend value = read == null ? PeriodSpend.EMPTY : read;
      copies.put(account, new Seen(value, ticker.getAsLong()));
      return value;
    } catch (LedgerUnavailableException e) {
      if (failureMode == FailureMode.FAIL_CLOSED) {
        throw e;
      }
      return lastKnown(account);
    }
  }

  private PeriodSpend lastKnown(String account) {
    Seen seen = copies.get(account);
    return seen == null ? PeriodSpend.EMPTY : seen.spend();
  }

  private static String what(String action, String account) {
    return "budget " + action + " of " + name(account);
  }

  private static String name(String account) {
    return account.startsWith("\u0000") ? "the gateway total" : "key '" + account + "'";
  }
}
