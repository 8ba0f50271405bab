package org.keytriage.core.accounting.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.keytriage.core.accounting.PeriodSpend;
import org.keytriage.core.accounting.SpendStore;

/** Spend of one JVM; each booking one atomic {@link ConcurrentMap#compute}. */
public final class InProcessSpendStore implements SpendStore {
  private final ConcurrentMap<String, PeriodSpend> byAccount = new ConcurrentHashMap<>();

  @Override
  public PeriodSpend add(String account, long epochDay, long month, double cost) {
    PeriodSpend[] before = new PeriodSpend[1];
    byAccount.compute(
        account,
        (k, current) -> {
          before[0] = current == null ? PeriodSpend.EMPTY : current;
          return before[0].plus(epochDay, month, cost);
        });
    return before[0];
  }

  @Override
  public void seed(String account, PeriodSpend restored) {
    byAccount.merge(account, restored, PeriodSpend::max);
  }

  @Override
  public PeriodSpend get(String account) {
    PeriodSpend s = byAccount.get(account);
    return s == null ? PeriodSpend.EMPTY : s;
  }
}
