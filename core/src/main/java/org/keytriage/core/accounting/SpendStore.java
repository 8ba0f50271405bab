package org.keytriage.core.accounting;

/**
 * Where {@link BudgetLedger} keeps each account's {@link PeriodSpend} (an account is a key id, or
 * the gateway's total). In process by default; a cluster store keeps it in the grid so budgets hold
 * for all nodes together.
 */
public interface SpendStore {

  /**
   * Adds {@code cost} to the account in the given UTC day and month, atomically, and returns the
   * account's spend as it was just before.
   */
  PeriodSpend add(String account, long epochDay, long month, double cost);

  /** The account's spend, {@link PeriodSpend#EMPTY} if it has none. */
  PeriodSpend get(String account);

  /** The store of one JVM. */
  static SpendStore inProcess() {
    return new org.keytriage.core.accounting.internal.InProcessSpendStore();
  }
}
