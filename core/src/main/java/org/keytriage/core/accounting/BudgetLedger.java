package org.keytriage.core.accounting;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cost booked per key, per UTC day and UTC month of the injected clock, for budget checks.
 * Thread-safe: each booking is one atomic add per account in a {@link SpendStore} (in process by
 * default; a cluster store shares spend between nodes), and an amount from an earlier day or month
 * counts as zero, so no reset job is needed.
 *
 * <p>The gateway total has an account of its own only where a gateway-wide budget needs one: the
 * router books it ({@link #bookAsync} with {@code withTotal}) while a global budget is configured,
 * because only one atomic counter can say exactly once that the total crossed a threshold. Without
 * a global budget nothing touches it (in a cluster it would be one entry every booking of every
 * node contends for); {@link #totalSpend} adds up the key accounts instead.
 *
 * <p>Budgets themselves ({@link BudgetLimits}) are not held here: the router compares the spend
 * with the key's {@code daily_budget}/{@code monthly_budget} and the gateway-wide budgets.
 */
public final class BudgetLedger {
  /** The account of every key's spend together; not a valid key id (it has a NUL). */
  static final String TOTAL = "\u0000total";

  private final Clock clock;
  private final SpendStore store;
  /** Every key account {@link #totalSpend} adds up: the configured keys and any booked here. */
  private final Set<String> accounts = ConcurrentHashMap.newKeySet();

  public BudgetLedger(Clock clock) {
    this(clock, SpendStore.inProcess());
  }

  public BudgetLedger(Clock clock, SpendStore store) {
    this(clock, store, Set.of());
  }

  /**
   * @param keyIds the configured keys, so that {@link #totalSpend} counts the spend other nodes
   *     booked on keys this node has not booked yet
   */
  public BudgetLedger(Clock clock, SpendStore store, Collection<String> keyIds) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.store = Objects.requireNonNull(store, "store");
    this.accounts.addAll(keyIds);
  }

  /**
   * Books {@code cost} on the key and on the total, waiting for both, and says what both were just
   * before and after, so the caller can tell exactly once that a threshold was crossed. For costs
   * booked from outside the request path (spend made elsewhere, a test's setup).
   */
  public BudgetBooking book(String keyId, double cost) {
    requireCost(cost);
    accounts.add(keyId);
    long now = clock.millis();
    long day = PeriodSpend.dayOf(now);
    long month = PeriodSpend.monthOf(now);
    PeriodSpend keyBefore = store.add(keyId, day, month, cost);
    PeriodSpend totalBefore = store.add(TOTAL, day, month, cost);
    return booking(day, month, cost, keyBefore, totalBefore);
  }

  /**
   * Books {@code cost} on the key, and on the gateway total only {@code withTotal}, without making
   * the caller wait where the store can avoid it (a cluster store sends the bookings and completes
   * the stage when the grid has answered). The booking's effect is as exact as {@link #book}'s:
   * each add is atomic on its account. Without the total, the booking's total before and after are
   * {@link BudgetSpend#NONE}.
   */
  public CompletionStage<BudgetBooking> bookAsync(String keyId, double cost, boolean withTotal) {
    requireCost(cost);
    accounts.add(keyId);
    long now = clock.millis();
    long day = PeriodSpend.dayOf(now);
    long month = PeriodSpend.monthOf(now);
    CompletionStage<PeriodSpend> keyBefore = store.addAsync(keyId, day, month, cost);
    CompletionStage<PeriodSpend> totalBefore =
        withTotal ? store.addAsync(TOTAL, day, month, cost) : CompletableFuture.completedFuture(null);
    return keyBefore.thenCombine(totalBefore, (k, t) -> booking(day, month, cost, k, t));
  }

  private static BudgetBooking booking(long day, long month, double cost, PeriodSpend key, PeriodSpend total) {
    return new BudgetBooking(
        key.spendIn(day, month),
        key.plus(day, month, cost).spendIn(day, month),
        total == null ? BudgetSpend.NONE : total.spendIn(day, month),
        total == null ? BudgetSpend.NONE : total.plus(day, month, cost).spendIn(day, month));
  }

  private static void requireCost(double cost) {
    if (!(cost >= 0)) {
      throw new IllegalArgumentException("cost must be >= 0, was " + cost);
    }
  }

  /** The key's spend in the current day and month. */
  public BudgetSpend spend(String keyId) {
    return current(store.get(keyId));
  }

  /** The key's spend for a routing decision: possibly a little older, never waited for (see {@link SpendStore#recent}). */
  public BudgetSpend recentSpend(String keyId) {
    return current(store.recent(keyId));
  }

  /**
   * The gateway total's own account, for the global budget's routing decision; counts only while
   * a global budget is configured (see the class documentation).
   */
  public BudgetSpend recentTotalSpend() {
    return current(store.recent(TOTAL));
  }

  /**
   * Every key's spend together, in the current day and month: the sum of the key accounts, exact
   * once the bookings under way have landed.
   */
  public BudgetSpend totalSpend() {
    double today = 0;
    double thisMonth = 0;
    for (String account : accounts) {
      BudgetSpend s = spend(account);
      today += s.today();
      thisMonth += s.thisMonth();
    }
    return new BudgetSpend(today, thisMonth);
  }

  /**
   * Restores spend booked before this engine started (by key id, in the current UTC day and
   * month, as the spend history has it), so a restart never resets a budget. Idempotent: spend
   * already counted here, or restored by another node, is not counted again.
   */
  public void restore(Map<String, BudgetSpend> byKey) {
    long now = clock.millis();
    long day = PeriodSpend.dayOf(now);
    long month = PeriodSpend.monthOf(now);
    double today = 0;
    double thisMonth = 0;
    for (Map.Entry<String, BudgetSpend> e : byKey.entrySet()) {
      BudgetSpend s = e.getValue();
      accounts.add(e.getKey());
      store.seed(e.getKey(), new PeriodSpend(day, s.today(), month, s.thisMonth()));
      today += s.today();
      thisMonth += s.thisMonth();
    }
    store.seed(TOTAL, new PeriodSpend(day, today, month, thisMonth));
  }

  private BudgetSpend current(PeriodSpend s) {
    long now = clock.millis();
    return s.spendIn(PeriodSpend.dayOf(now), PeriodSpend.monthOf(now));
  }

  public Clock clock() {
    return clock;
  }

  /**
   * A booking's effect.
   *
   * @param keyBefore the key's spend just before, in the booking's day and month
   * @param keyAfter the key's spend just after
   * @param totalBefore the total just before ({@link BudgetSpend#NONE} when the total was not booked)
   * @param totalAfter the total just after (likewise)
   */
  public record BudgetBooking(
      BudgetSpend keyBefore, BudgetSpend keyAfter, BudgetSpend totalBefore, BudgetSpend totalAfter) {}
}
