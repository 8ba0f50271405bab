package org.keytriage.core.requests;

import java.time.Instant;
import java.util.Objects;

/**
 * Spend over a time range, grouped and bucketed.
 *
 * @param from the first hour counted (rounded down to the hour)
 * @param to the end of the range, exclusive
 * @param groupBy what each row's group is
 * @param interval each row's bucket
 */
public record SpendQuery(Instant from, Instant to, GroupBy groupBy, Interval interval) {

  /** What a spend row's group is. */
  public enum GroupBy {
    KEY,
    TASK_TYPE,
    INTEGRATOR
  }

  /** How long a spend row's bucket is (UTC). */
  public enum Interval {
    HOUR,
    DAY
  }

  public SpendQuery {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(groupBy, "groupBy");
    Objects.requireNonNull(interval, "interval");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to");
    }
  }
}
