package org.keytriage.core.accounting;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One account's spend in the UTC day and UTC month it was last booked in. An amount from an
 * earlier day or month counts as zero, so no reset job is needed. Immutable and serializable, so a
 * {@link SpendStore} can keep it in a grid and add to it on the owner.
 *
 * @param epochDay the UTC day of {@code day}
 * @param day spent in that day
 * @param month the UTC month of {@code monthAmount}, as {@code year * 12 + month - 1}
 * @param monthAmount spent in that month
 */
public record PeriodSpend(long epochDay, double day, long month, double monthAmount) implements Serializable {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  /** Nothing booked yet. */
  public static final PeriodSpend EMPTY = new PeriodSpend(Long.MIN_VALUE, 0, Long.MIN_VALUE, 0);

  /** The UTC day of {@code epochMillis}. */
  public static long dayOf(long epochMillis) {
    return Math.floorDiv(epochMillis, MILLIS_PER_DAY);
  }

  /** The UTC month of {@code epochMillis}, as {@code year * 12 + month - 1}. */
  public static long monthOf(long epochMillis) {
    LocalDate date = LocalDate.ofEpochDay(dayOf(epochMillis));
    return date.getYear() * 12L + date.getMonthValue() - 1;
  }

  /** The spend that counts in the given day and month. */
  public BudgetSpend spendIn(long currentDay, long currentMonth) {
    return new BudgetSpend(currentDay == epochDay ? day : 0, currentMonth == month ? monthAmount : 0);
  }

  /**
   * The larger of two views of the same account: per period, the newer day (month) wins, and of the
   * same day (month) the larger amount. Spend only grows within a period, so merging copies this way
   * never loses a booking either copy has seen.
   */
  public PeriodSpend max(PeriodSpend other) {
    long d = Math.max(epochDay, other.epochDay);
    long m = Math.max(month, other.month);
    double dayAmount = Math.max(epochDay == d ? day : 0, other.epochDay == d ? other.day : 0);
    double monthTotal = Math.max(month == m ? monthAmount : 0, other.month == m ? other.monthAmount : 0);
    return new PeriodSpend(d, dayAmount, m, monthTotal);
  }

  /** This spend plus {@code cost} booked in the given day and month. */
  public PeriodSpend plus(long currentDay, long currentMonth, double cost) {
    BudgetSpend now = spendIn(currentDay, currentMonth);
    return new PeriodSpend(currentDay, now.today() + cost, currentMonth, now.thisMonth() + cost);
  }
}
