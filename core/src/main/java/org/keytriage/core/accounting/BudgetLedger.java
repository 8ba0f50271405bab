package org.keytriage.core.accounting;

import java.time.Clock;
import java.util.Objects;

/**
 * Cost booked per key and in total, per UTC day and UTC month of the injected clock, for budget
 * checks. Thread-safe: each booking is one atomic add per account in a {@link SpendStore} (in
 * process by default; a cluster store shares spend between nodes), and an amount from an earlier
 * day or month counts as zero, so no reset job is needed.
 *
 * <p>Budgets themselves ({@link BudgetLimits}) are not held here: the router compares the spend
 * with the key's {@code daily_budget}/{@code monthly_budget} and the gateway-wide budgets.
 */
public final class BudgetLedger {
  /** The account of every key's spend together; not a valid key id (it has a NUL). */
  static final String TOTAL = "\u0000total";

  private final Clock clock;
  private final SpendStore store;

  public BudgetLedger(Clock clock) {
    this(clock, SpendStore.inProcess());
  }

  public BudgetLedger(Clock clock, SpendStore store) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Books {@code cost} on the key and on the total, and says what both were just before and after,
   * so the caller can tell exactly once that a threshold was crossed.
   */
  public BudgetBooking book(String keyId, double cost) {
    if (!(cost >= 0)) {
      throw new IllegalArgumentException("cost must be >= 0, was " + cost);
    }
    long now = clock.millis();
    long day = PeriodSpend.dayOf(now);
    long month = PeriodSpend.monthOf(now);
    PeriodSpend keyBefore = store.add(keyId, day, month, cost);
    PeriodSpend totalBefore = store.add(TOTAL, day, month, cost);
    return new BudgetBooking(
        keyBefore.spendIn(day, month),
        keyBefore.plus(day, month, cost).spendIn(day, month),
        totalBefore.spendIn(day, month),
        totalBefore.plus(day, month, cost).spendIn(day, month));
  }

  /** The key's spend in the current day and month. */
  public BudgetSpend spend(String keyId) {
    return current(store.get(keyId));
  }

  /** Every key's spend together, in the current day and month. */
  public BudgetSpend totalSpend() {
    return current(store.get(TOTAL));
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
   * @param totalBefore the total just before
   * @param totalAfter the total just after
   */
  public record BudgetBooking(
      BudgetSpend keyBefore, BudgetSpend keyAfter, BudgetSpend totalBefore, BudgetSpend totalAfter) {}
}
