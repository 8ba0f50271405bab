package org.keytriage.core.audit;

import java.time.Instant;

/**
 * Which audit entries to read, newest first. Every filter is optional (null: any).
 *
 * @param from at or after
 * @param to before
 * @param actor by this actor
 * @param action this action ({@code key.added}), or every action under a prefix ending in a dot
 *     ({@code key.})
 * @param target done to this target
 * @param offset entries to skip
 * @param limit entries to return, 1 to {@value #MAX_LIMIT}
 */
public record AuditQuery(Instant from, Instant to, String actor, String action, String target, int offset, int limit) {
  public static final int MAX_LIMIT = 1000;
  public static final int DEFAULT_LIMIT = 100;

  public AuditQuery {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
  }

  public static AuditQuery all() {
    return new AuditQuery(null, null, null, null, null, 0, DEFAULT_LIMIT);
  }

  /** Whether the entry passes every filter (paging aside). */
  public boolean matches(AuditEntry e) {
    AuditRecord r = e.record();
    return (from == null || !r.at().isBefore(from))
        && (to == null || r.at().isBefore(to))
        && (actor == null || actor.equals(r.actor()))
        && (action == null || (action.endsWith(".") ? r.action().startsWith(action) : action.equals(r.action())))
        && (target == null || target.equals(r.target()));
  }
}
