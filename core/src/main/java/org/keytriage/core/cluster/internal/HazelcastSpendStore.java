package org.keytriage.core.cluster.internal;

import com.hazelcast.map.IMap;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.keytriage.core.accounting.PeriodSpend;
import org.keytriage.core.accounting.SpendStore;
import org.keytriage.core.cluster.FailureMode;
import org.keytriage.core.cluster.LedgerUnavailableException;

/**
 * Budget spend in a Hazelcast map, one entry per account, each booking one {@link AddSpend} on the
 * owner: a key's daily and monthly budget hold for all nodes together, and no booking is lost to a
 * concurrent one.
 *
 * <p>This node keeps a copy of each account it has seen. Every booking counts in the copy at once
 * (so this node's next decision sees its own spend) and reaches the grid either waited for ({@link
 * #add}) or sent without waiting ({@link #addAsync}, the request path). Copies merge by {@link
 * PeriodSpend#max}: a copy never loses a booking it has seen, and (but for a booking the grid
 * missed, below) never counts one the grid will not have once the bookings under way have landed.
 * {@link #get} answers the copy while it was
 * read from the grid less than the configured age ago, else reads the grid; {@link #recent}, the
 * router's read, answers the copy whatever its age and refreshes a stale one in the background, so
 * routing never waits for spend. An age of 0 makes both read the grid every time.
 *
 * <p>Failures: a booking the grid misses is logged with its cost and counts on this node only. A
 * read the grid cannot answer throws in {@link FailureMode#FAIL_CLOSED} and answers the copy in
 * {@link FailureMode#DEGRADE}. {@link #close} waits for the bookings under way (at most the
 * operation timeout), so a node that stops cleanly loses none.
 */
public final class HazelcastSpendStore implements SpendStore {
  private static final System.Logger LOG = System.getLogger(HazelcastSpendStore.class.getName());

  private final IMap<String, PeriodSpend> spend;
  private final GridCall calls;
  private final FailureMode failureMode;
  private final long maxAgeNanos;
  private final LongSupplier ticker;
  private final ConcurrentMap<String, Copy> copies = new ConcurrentHashMap<>();
  private final RefreshClaims refreshing = new RefreshClaims();
  private final Set<CompletableFuture<?>> underWay = ConcurrentHashMap.newKeySet();

  /**
   * This node's view of an account.
   *
   * @param spend the grid's value when last read, merged with every booking seen since
   * @param read whether the grid was ever read (a copy made only of this node's bookings was not)
   * @param readAtNanos when it was last read, on the ticker
   */
  private record Copy(PeriodSpend spend, boolean read, long readAtNanos) {
    Copy merge(Copy other) {
      boolean otherNewer = other.read && (!read || other.readAtNanos - readAtNanos > 0);
      return new Copy(spend.max(other.spend), read || other.read, otherNewer ? other.readAtNanos : readAtNanos);
    }
  }

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
    long sentAt = ticker.getAsLong();
    try {
      before = calls.await(what("booking", account), () -> spend.submitToKey(account, new AddSpend(epochDay, month, cost)));
    } catch (LedgerUnavailableException e) {
      LOG.log(Level.WARNING, onThisNodeOnly(account, cost, e));
      return countLocally(account, epochDay, month, cost);
    }
    learn(account, before.plus(epochDay, month, cost), sentAt);
    return before;
  }

  @Override
  public CompletionStage<PeriodSpend> addAsync(String account, long epochDay, long month, double cost) {
    PeriodSpend localBefore = countLocally(account, epochDay, month, cost);
    long sentAt = ticker.getAsLong();
    CompletableFuture<PeriodSpend> sent =
        calls.send(what("booking", account), () -> spend.submitToKey(account, new AddSpend(epochDay, month, cost)));
    underWay.add(sent);
    return sent.handle(
        (before, failure) -> {
          underWay.remove(sent);
          if (failure != null) {
            LOG.log(Level.WARNING, onThisNodeOnly(account, cost, failure));
            return localBefore;
          }
          learn(account, before.plus(epochDay, month, cost), sentAt);
          return before;
        });
  }

  @Override
  public void seed(String account, PeriodSpend restored) {
    long sentAt = ticker.getAsLong();
    PeriodSpend after = calls.await(what("restore", account), () -> spend.submitToKey(account, new SeedSpend(restored)));
    learn(account, after, sentAt);
  }

  @Override
  public PeriodSpend get(String account) {
    Copy copy = copies.get(account);
    if (isFresh(copy)) {
      return copy.spend();
    }
    long sentAt = ticker.getAsLong();
    try {
      PeriodSpend read = calls.await(what("read", account), () -> spend.getAsync(account));
      return learn(account, read == null ? PeriodSpend.EMPTY : read, sentAt);
    } catch (LedgerUnavailableException e) {
      if (failureMode == FailureMode.FAIL_CLOSED) {
        throw e;
      }
      return lastKnown(account);
    }
  }

  /** The copy however old (empty if none), with a background read when it is stale. */
  @Override
  public PeriodSpend recent(String account) {
    if (maxAgeNanos == 0) {
      return get(account);
    }
    Copy copy = copies.get(account);
    if (!isFresh(copy)) {
      refreshInBackground(account);
    }
    return copy == null ? PeriodSpend.EMPTY : copy.spend();
  }

  private void refreshInBackground(String account) {
    List<String> mine = List.copyOf(refreshing.claim(List.of(account)));
    if (mine.isEmpty()) {
      return;
    }
    long sentAt = ticker.getAsLong();
    calls.send(what("refresh", account), () -> spend.getAsync(account))
        .whenComplete(
            (read, failure) -> {
              refreshing.done(mine);
              if (failure == null) {
                learn(account, read == null ? PeriodSpend.EMPTY : read, sentAt);
              } else {
                LOG.log(Level.DEBUG, "Spend copy of " + name(account) + " not refreshed", failure);
              }
            });
  }

  /** Waits for the bookings still under way, at most the operation timeout. */
  public void close() {
    CompletableFuture<?>[] pending = underWay.toArray(CompletableFuture<?>[]::new);
    try {
      CompletableFuture.allOf(pending).get(calls.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.log(Level.WARNING, pending.length + " budget bookings may not have reached the grid: " + e);
    }
  }

  private boolean isFresh(Copy copy) {
    return copy != null && copy.read() && ticker.getAsLong() - copy.readAtNanos() <= maxAgeNanos;
  }

  /**
   * Merges a value the grid answered into the copy; returns the merged spend. Stamped with when the
   * operation was sent, not when its answer came: a slow answer must not pass for a fresh one.
   */
  private PeriodSpend learn(String account, PeriodSpend fromGrid, long sentAtNanos) {
    return copies.merge(account, new Copy(fromGrid, true, sentAtNanos), Copy::merge).spend();
  }

  /**
   * Adds a booking to the copy atomically (concurrent bookings on this node all count), without
   * claiming the grid was read; returns the copy's spend just before.
   */
  private PeriodSpend countLocally(String account, long epochDay, long month, double cost) {
    PeriodSpend[] before = new PeriodSpend[1];
    copies.compute(
        account,
        (k, copy) -> {
          before[0] = copy == null ? PeriodSpend.EMPTY : copy.spend();
          PeriodSpend after = before[0].plus(epochDay, month, cost);
          return copy == null ? new Copy(after, false, 0) : new Copy(after, copy.read(), copy.readAtNanos());
        });
    return before[0];
  }

  private PeriodSpend lastKnown(String account) {
    Copy copy = copies.get(account);
    return copy == null ? PeriodSpend.EMPTY : copy.spend();
  }

  private static String onThisNodeOnly(String account, double cost, Throwable why) {
    if (why instanceof java.util.concurrent.CompletionException && why.getCause() != null) {
      why = why.getCause();
    }
    return "A cost of " + cost + " on " + name(account) + " is booked on this node only: " + why.getMessage();
  }

  private static String what(String action, String account) {
    return "budget " + action + " of " + name(account);
  }

  private static String name(String account) {
    return account.startsWith("\u0000") ? "the gateway total" : "key '" + account + "'";
  }
}
