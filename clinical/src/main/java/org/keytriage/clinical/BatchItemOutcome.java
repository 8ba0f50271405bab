package org.keytriage.clinical;

import java.util.Optional;
import org.keytriage.core.gateway.TaskOutcome;
import org.keytriage.tasks.results.BatchSummary;

/**
 * One item of a batch: its answer, or why it has none.
 *
 * @param index the item's position in the batch, from 0
 * @param outcome the answer; null when the item failed
 * @param errorCode why the item failed, an {@link org.keytriage.core.errors.ErrorCode#code()} such
 *     as {@code no_available_key}; null when it succeeded
 * @param error what went wrong (no available key, upstream refusal, deadline); null when it
 *     succeeded. Names task types, key ids and statuses, never content.
 */
public record BatchItemOutcome(int index, TaskOutcome<BatchSummary> outcome, String errorCode, String error) {

  public BatchItemOutcome {
    if ((outcome == null) == (error == null) || (error == null) != (errorCode == null)) {
      throw new IllegalArgumentException("exactly one of outcome and error (with its code) must be given");
    }
  }

  public boolean succeeded() {
    return outcome != null;
  }

  public Optional<TaskOutcome<BatchSummary>> answer() {
    return Optional.ofNullable(outcome);
  }

  /** The cost booked for this item; 0 when it failed (a failed call books none). */
  public double cost() {
    return outcome == null ? 0 : outcome.cost();
  }

  @Override
  public String toString() {
    return "BatchItemOutcome[index=" + index + ", " + (outcome != null ? outcome : "error=" + errorCode)
        + "]";
  }
}
