package org.keytriage.core.testing;

import org.keytriage.core.accounting.BudgetLimits;
import org.keytriage.core.routing.RoutingGuards;

/** Routing guards for tests: the defaults with one setting changed. */
public final class TestGuards {
  private TestGuards() {}

  /** {@link RoutingGuards#DEFAULTS} with a gateway-wide budget. */
  public static RoutingGuards withGlobalBudget(BudgetLimits global) {
    RoutingGuards d = RoutingGuards.DEFAULTS;
    return new RoutingGuards(
        d.circuit(), d.latencyDemotionFactor(), d.latencyFloorMillis(), d.budgetWarningShare(), global, d.lowPriorityShare());
  }
}
