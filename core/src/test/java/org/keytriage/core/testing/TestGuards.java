package org.keytriage.core.testing;

import org.keytriage.core.accounting.BudgetLimits;
import org.keytriage.core.upstream.UpstreamSettings;

/** Upstream settings (and so routing guards) for tests: the defaults with one setting changed. */
public final class TestGuards {
  private TestGuards() {}

  /** The default upstream settings with a gateway-wide budget (the routing guards come from them). */
  public static UpstreamSettings withGlobalBudget(BudgetLimits global) {
    return UpstreamSettings.builder()
        .globalDailyBudget(global.daily())
        .globalMonthlyBudget(global.monthly())
        .build();
  }
}
