package org.keytriage.core.accounting;

/**
 * A daily and a monthly budget in cost units; 0 means no budget of that kind.
 *
 * @param daily the most to spend per UTC day, {@code >= 0}
 * @param monthly the most to spend per UTC month, {@code >= 0}
 */
public record BudgetLimits(double daily, double monthly) {
  /** No budget at all. */
  public static final BudgetLimits NONE = new BudgetLimits(0, 0);

  public BudgetLimits {
    if (!(daily >= 0) || !(monthly >= 0)) {
      throw new IllegalArgumentException(
          "budgets must be >= 0 (0 = none), were daily " + daily + ", monthly " + monthly);
    }
  }

  public boolean any() {
    return daily > 0 || monthly > 0;
  }

  /** The share of the tighter budget that {@code spend} uses, 0 when no budget applies. */
  public double utilisation(BudgetSpend spend) {
    return Math.max(share(spend.today(), daily), share(spend.thisMonth(), monthly));
  }

  /** Spent / budget, or 0 when the budget is 0 (none). */
  public static double share(double spent, double budget) {
    return budget > 0 ? spent / budget : 0;
  }
}
