package org.keytriage.core.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator switched a task type to another balancing strategy.
 *
 * @param at when
 * @param taskType the task type
 * @param from the strategy used before
 * @param to the strategy used from now on
 * @param actor who did it
 * @param reason why, as given; may be empty
 */
public record StrategyChanged(Instant at, String taskType, String from, String to, String actor, String reason)
    implements GatewayEvent {

  public StrategyChanged {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(taskType, "taskType");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(actor, "actor");
    reason = reason == null ? "" : reason;
  }
}
