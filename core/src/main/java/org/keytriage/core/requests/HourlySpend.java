package org.keytriage.core.requests;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The roll-up cell the spend history keeps: one UTC hour of one key, task type and integrator.
 * Stores add each appended row to its cell with {@link #of(Collection)}, and answer queries by
 * summing cells, so every store rolls up the same way.
 *
 * @param hour the hour's first instant
 * @param keyId the key that was charged
 * @param taskType the request's task type
 * @param integrator who asked
 */
public record HourlySpend(Instant hour, String keyId, String taskType, String integrator) {

  public HourlySpend {
    Objects.requireNonNull(hour, "hour");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(taskType, "taskType");
    Objects.requireNonNull(integrator, "integrator");
  }

  /** What one cell adds up. */
  public record Totals(long requests, long promptTokens, long completionTokens, double cost) {
    public static final Totals NONE = new Totals(0, 0, 0, 0);

    public Totals plus(Totals other) {
      return new Totals(requests + other.requests, promptTokens + other.promptTokens,
          completionTokens + other.completionTokens, cost + other.cost);
    }
  }

  /**
   * The cells of a batch of rows with their totals. Only rows charged to a key count: a request
   * refused before any key was called cost nothing.
   */
  public static Map<HourlySpend, Totals> of(Collection<RequestRecord> rows) {
    Map<HourlySpend, Totals> cells = new LinkedHashMap<>();
    for (RequestRecord r : rows) {
      if (r.keyId() == null) {
        continue;
      }
      HourlySpend cell = new HourlySpend(r.at().truncatedTo(ChronoUnit.HOURS), r.keyId(), r.taskType(), r.integrator());
      cells.merge(cell, new Totals(1, r.promptTokens(), r.completionTokens(), r.cost()), Totals::plus);
    }
    return cells;
  }

  /** The group this cell belongs to. */
  public String group(SpendQuery.GroupBy by) {
    return switch (by) {
      case KEY -> keyId;
      case TASK_TYPE -> taskType;
      case INTEGRATOR -> integrator;
    };
  }

  /** The start of the bucket this cell falls into. */
  public Instant bucket(SpendQuery.Interval interval) {
    return interval == SpendQuery.Interval.DAY ? hour.truncatedTo(ChronoUnit.DAYS) : hour;
  }
}
