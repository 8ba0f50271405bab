package org.keytriage.core.accounting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Cost booked per key and in total, per UTC day and UTC month of the injected clock, for budget
 * checks. In-process and thread-safe: each booking is one atomic update of an immutable entry, and
 * an entry from an earlier day or month counts as zero, so no reset job is needed.
 *
 * <p>Budgets themselves ({@link BudgetLimits}) are not held here: the router compares the spend
 * with the key's {@code daily_budget}/{@code monthly_budget} and the gateway-wide budgets.
 */
public final class BudgetLedger {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final Clock clock;
  private final ConcurrentMap<String, PeriodSpend> byKey = new ConcurrentHashMap<>();
  private final AtomicReference<PeriodSpend> total = new AtomicReference<>(PeriodSpend.EMPTY);

  public BudgetLedger(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Books {@code cost} on the key and on the total, and says what both were just before and after,
   * so the caller can tell exactly once that a threshold was crossed.
   */
  public BudgetBooking book(String keyId, double cost) {
    if (!(cost >= 0)) {
      throw new IllegalArgumentException("cost must be >= 0, was " + cost);
    }
    Period p = Period.at(clock.millis());
    BudgetSpend[] keyBefore = new BudgetSpend[1];
    PeriodSpend keyAfter =
        byKey.compute(
            keyId,
            (k, current) -> {
              PeriodSpend base = current == null ? PeriodSpend.EMPTY : current;
              keyBefore[0] = base.spendIn(p);
              return base.plus(p, cost);
            });
    PeriodSpend totalBefore;
    PeriodSpend totalAfter;
    do {
      totalBefore = total.get();
      totalAfter = totalBefore.plus(p, cost);
    } while (!total.compareAndSet(totalBefore, totalAfter));
    return new BudgetBooking(
        keyBefore[0], keyAfter.spendIn(p), totalBefore.spendIn(p), totalAfter.spendIn(p));
  }

  /** The key's spend in the current day and month. */
  public BudgetSpend spend(String keyId) {
    PeriodSpend s = byKey.get(keyId);
    return s == null ? BudgetSpend.NONE : s.spendIn(Period.at(clock.millis()));
  }

  /** Every key's spend together, in the current day and month. */
  public BudgetSpend totalSpend() {
    return total.get().spendIn(Period.at(clock.millis()));
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

  /** A UTC day and month, as numbers. */
  private record Period(long epochDay, long month) {
    static Period at(long millis) {
      long day = Math.floorDiv(millis, MILLIS_PER_DAY);
      LocalDate date = LocalDate.ofEpochDay(day);
      return new Period(day, date.getYear() * 12L + date.getMonthValue() - 1);
    }
  }

  /** Spend in the day and month it was last booked in. */
  private record PeriodSpend(long epochDay, double day, long month, double monthAmount) {
    static final PeriodSpend EMPTY = new PeriodSpend(Long.MIN_VALUE, 0, Long.MIN_VALUE, 0);

    BudgetSpend spendIn(Period p) {
      return new BudgetSpend(
          p.epochDay() == epochDay ? day : 0, p.month() == month ? monthAmount : 0);
    }

    PeriodSpend plus(Period p, double cost) {
      BudgetSpend now = spendIn(p);
      return new PeriodSpend(p.epochDay(), now.today() + cost, p.month(), now.thisMonth() + cost);
    }
  }
}
