package org.keytriage.core.accounting;

import java.io.Serializable;

/**
 * Cost booked in the current UTC day and month of the engine's clock.
 *
 * @param today spent since 00:00 UTC
 * @param thisMonth spent since the first of the month, 00:00 UTC
 */
public record BudgetSpend(double today, double thisMonth) implements Serializable {
  public static final BudgetSpend NONE = new BudgetSpend(0, 0);
}
