package org.keytriage.core.routing.internal;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Locale;
import org.keytriage.core.accounting.BudgetLedger.BudgetBooking;
import org.keytriage.core.accounting.BudgetLedger;
import org.keytriage.core.accounting.BudgetLimits;
import org.keytriage.core.accounting.BudgetSpend;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.events.BudgetCrossed;
import org.keytriage.core.events.GatewayEvents;
import org.keytriage.core.routing.RoutingGuards;

/**
 * Judges keys against their budgets (the key's {@code daily_budget}/{@code monthly_budget} and the
 * gateway-wide ones) and publishes a {@link BudgetCrossed} event when a booking crosses the warning share or 100 %.
 * The ledger reports each booking's before and after atomically, so each crossing is published once.
 *
 * <p>A budget is a soft limit checked before a call whose cost is known only after it: calls
 * admitted together may overshoot it by their own cost whatever the bookkeeping. So nothing here
 * waits for the grid. A judgement reads the spend this node has seen ({@link
 * BudgetLedger#recentSpend}): its own bookings at once, other nodes' within the store's copy age
 * plus one round trip (a background read refreshes a stale copy). A booking is sent without
 * waiting; its event is published when the grid has answered. The gateway total is booked only while
 * a global budget is configured.
 */
final class BudgetGuard {
  private static final System.Logger LOG = System.getLogger(BudgetGuard.class.getName());

  private final BudgetLedger ledger;
  private final GatewayEvents events;
  private final Clock clock;

  BudgetGuard(BudgetLedger ledger, GatewayEvents events, Clock clock) {
    this.ledger = ledger;
    this.events = events;
    this.clock = clock;
  }

  /** Share of the tightest budget that applies to the key, 0 when none does. */
  double utilisation(ApiKeyConfig key, RoutingGuards guards) {
    BudgetLimits own = limitsOf(key);
    double u = own.any() ? own.utilisation(ledger.recentSpend(key.keyId())) : 0;
    if (guards.globalBudget().any()) {
      u = Math.max(u, guards.globalBudget().utilisation(ledger.recentTotalSpend()));
    }
    return u;
  }

  /** Books the cost without waiting; budget events follow the grid's answer (at once in process). */
  void book(ApiKeyConfig key, double cost, RoutingGuards guards) {
    if (!(cost > 0)) {
      return;
    }
    ledger
        .bookAsync(key.keyId(), cost, guards.globalBudget().any())
        .thenAccept(b -> alertCrossings(key, b, guards));
  }

  private void alertCrossings(ApiKeyConfig key, BudgetBooking b, RoutingGuards guards) {
    double warn = guards.budgetWarningShare();
    BudgetLimits own = limitsOf(key);
    check(key.keyId(), "daily", own.daily(), b.keyBefore().today(), b.keyAfter().today(), warn);
    check(key.keyId(), "monthly", own.monthly(), b.keyBefore().thisMonth(), b.keyAfter().thisMonth(), warn);
    BudgetLimits global = guards.globalBudget();
    check(null, "daily", global.daily(), b.totalBefore().today(), b.totalAfter().today(), warn);
    check(null, "monthly", global.monthly(), b.totalBefore().thisMonth(), b.totalAfter().thisMonth(), warn);
  }

  private void check(String keyId, String period, double budget, double before, double after, double warn) {
    if (budget <= 0) {
      return;
    }
    double from = before / budget;
    double to = after / budget;
    if (from < 1.0 && to >= 1.0) {
      raise(true, keyId, period, budget, after,
          keyId == null ? "every key is excluded until the period ends" : "the key is excluded until the period ends");
    } else if (from <= warn && to > warn) {
      raise(false, keyId, period, budget, after,
          keyId == null ? "keys are preferred by cost" : "the key is demoted behind keys under the warning share");
    }
  }

  private void raise(boolean exhausted, String keyId, String period, double budget, double spent, String effect) {
    String subject = keyId == null ? "Global " + period + " budget" : "The " + period + " budget of API key " + keyId;
    String message =
        String.format(
            Locale.ROOT, "%s is %.0f%% spent (%.4f of %.4f); %s", subject, 100 * spent / budget, spent, budget, effect);
    LOG.log(Level.WARNING, message);
    events.publish(new BudgetCrossed(clock.instant(), keyId, exhausted, message));
  }

  private static BudgetLimits limitsOf(ApiKeyConfig key) {
    return new BudgetLimits(Math.max(0, key.dailyBudget()), Math.max(0, key.monthlyBudget()));
  }

  BudgetSpend spend(String keyId) {
    return ledger.spend(keyId);
  }
}
