package org.keytriage.core.accounting;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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

  /**
   * Makes the account's spend at least {@code restored} (merged by {@link PeriodSpend#max}),
   * atomically: how budgets come back after a restart. Seeding twice, or from every node of a
   * cluster, counts the restored spend once.
   */
  void seed(String account, PeriodSpend restored);

  /** The account's spend, {@link PeriodSpend#EMPTY} if it has none. */
  PeriodSpend get(String account);

  /**
   * Like {@link #add}, without making the caller wait: the stage completes with the spend just
   * before the booking. It never fails: a booking the store cannot make is reported and counted
   * where it can be. The default books at once; a cluster store sends the booking to the grid and
   * counts it in this node's copy straight away, so this node's next decision sees it.
   */
  default CompletionStage<PeriodSpend> addAsync(String account, long epochDay, long month, double cost) {
    return CompletableFuture.completedFuture(add(account, epochDay, month, cost));
  }

  /**
   * The account's spend for a routing decision, which may be a little older than {@link #get}'s
   * but never makes the caller wait where the store can avoid it. The default is {@link #get}.
   */
  default PeriodSpend recent(String account) {
    return get(account);
  }

  /** The store of one JVM. */
  static SpendStore inProcess() {
    return new org.keytriage.core.accounting.internal.InProcessSpendStore();
  }
}
