package org.keytriage.core.routing;

import java.util.Objects;
import org.keytriage.core.accounting.BudgetLimits;
import org.keytriage.core.keys.CircuitBreakerPolicy;

/**
 * What keeps the router away from keys that are failing, slow or over budget. Immutable; the
 * engine takes it from its {@link org.keytriage.core.upstream.UpstreamSettings} when it is built:
 * routing policy is configuration, never installed afterwards as a side effect.
 *
 * <p>Defaults ({@link #DEFAULTS}): {@link CircuitBreakerPolicy#DEFAULT} (5 failures in 30 s open for
 * 30 s, then one probe); latency demotion factor 3.0 over a floor of 50 ms; budget warning share
 * 0.8; no gateway-wide budget; low-priority share 0.8.
 *
 * @param circuit when a key's circuit opens, and how it closes again
 * @param latencyDemotionFactor a key whose latency EWMA is above this many times the best EWMA
 *     among the candidates of its tier is moved to the end of the tier, {@code >= 1}
 * @param latencyFloorMillis the "best" latency is taken as at least this, so that the jitter of
 *     very fast answers (a local NIM, the simulator) never demotes a key; {@code >= 0}
 * @param budgetWarningShare above this share of a budget a key is moved behind the keys under it
 *     (cheaper first); at 100 % it is excluded. In (0, 1].
 * @param globalBudget gateway-wide daily and monthly budgets over all keys; {@link
 *     BudgetLimits#NONE} for none
 * @param lowPriorityShare requests of {@link org.keytriage.spi.ClinicalPriority#LOW} clinical
 *     priority (batch work) may fill a key's window only up to this share of its RPM and TPM
 *     limits, so bulk work never takes the capacity interactive work needs. In (0, 1].
 */
public record RoutingGuards(
    CircuitBreakerPolicy circuit,
    double latencyDemotionFactor,
    double latencyFloorMillis,
    double budgetWarningShare,
    BudgetLimits globalBudget,
    double lowPriorityShare) {

  public static final double DEFAULT_LATENCY_DEMOTION_FACTOR = 3.0;
  public static final double DEFAULT_LATENCY_FLOOR_MILLIS = 50.0;
  public static final double DEFAULT_BUDGET_WARNING_SHARE = 0.8;
  public static final double DEFAULT_LOW_PRIORITY_SHARE = 0.8;

  public static final RoutingGuards DEFAULTS =
      new RoutingGuards(
          CircuitBreakerPolicy.DEFAULT,
          DEFAULT_LATENCY_DEMOTION_FACTOR,
          DEFAULT_LATENCY_FLOOR_MILLIS,
          DEFAULT_BUDGET_WARNING_SHARE,
          BudgetLimits.NONE,
          DEFAULT_LOW_PRIORITY_SHARE);

  public RoutingGuards {
    Objects.requireNonNull(circuit, "circuit");
    Objects.requireNonNull(globalBudget, "globalBudget");
    if (!(latencyDemotionFactor >= 1.0)) {
      throw new IllegalArgumentException(
          "latencyDemotionFactor must be >= 1, was " + latencyDemotionFactor);
    }
    if (!(latencyFloorMillis >= 0)) {
      throw new IllegalArgumentException("latencyFloorMillis must be >= 0, was " + latencyFloorMillis);
    }
    if (!(budgetWarningShare > 0 && budgetWarningShare <= 1)) {
      throw new IllegalArgumentException(
          "budgetWarningShare must be in (0, 1], was " + budgetWarningShare);
    }
    if (!(lowPriorityShare > 0 && lowPriorityShare <= 1)) {
      throw new IllegalArgumentException(
          "lowPriorityShare must be in (0, 1], was " + lowPriorityShare);
    }
  }
}
