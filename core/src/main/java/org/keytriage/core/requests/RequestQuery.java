package org.keytriage.core.requests;

import java.time.Instant;

/**
 * Which request-log rows to read, newest first. Every filter is optional (null: any).
 *
 * @param from rows that ended at or after this instant
 * @param to rows that ended before this instant
 * @param taskType of this task type
 * @param keyId served by (or last involving) this key
 * @param integrator asked by this integrator
 * @param outcome with this outcome ({@link RequestRecord#OK} or an error code)
 * @param offset rows to skip, {@code >= 0}
 * @param limit rows to return, 1 to {@value #MAX_LIMIT}
 */
public record RequestQuery(
    Instant from, Instant to, String taskType, String keyId, String integrator, String outcome, int offset, int limit) {

  /** The most rows one page returns. */
  public static final int MAX_LIMIT = 1000;
  /** A page's rows when none is asked for. */
  public static final int DEFAULT_LIMIT = 100;

  public RequestQuery {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to");
    }
  }

  /** Every row, the first page. */
  public static RequestQuery all() {
    return new RequestQuery(null, null, null, null, null, null, 0, DEFAULT_LIMIT);
  }

  /** The same filters, another page. */
  public RequestQuery page(int newOffset, int newLimit) {
    return new RequestQuery(from, to, taskType, keyId, integrator, outcome, newOffset, newLimit);
  }

  /** Whether {@code r} passes every filter (paging aside). */
  public boolean matches(RequestRecord r) {
    return (from == null || !r.at().isBefore(from))
        && (to == null || r.at().isBefore(to))
        && (taskType == null || taskType.equals(r.taskType()))
        && (keyId == null || keyId.equals(r.keyId()))
        && (integrator == null || integrator.equals(r.integrator()))
        && (outcome == null || outcome.equals(r.outcome()));
  }
}
