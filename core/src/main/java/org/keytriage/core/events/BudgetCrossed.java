package org.keytriage.core.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A budget crossed its warning share or was spent.
 *
 * @param at when
 * @param keyId the key whose budget it is; null for the gateway-wide budget
 * @param exhausted true when fully spent (the key, or every key, is excluded), false for the warning
 * @param detail the budget, its spend and what follows, for people
 */
public record BudgetCrossed(Instant at, String keyId, boolean exhausted, String detail) implements GatewayEvent {

  public BudgetCrossed {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(detail, "detail");
  }
}
