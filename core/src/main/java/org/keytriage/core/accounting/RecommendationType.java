package org.keytriage.core.accounting;

/** The kinds of recommendation and the points each takes off the optimisation score. */
public enum RecommendationType {
  /** Success rate under the threshold (default 90 %) over enough calls (default 5). */
  LOW_SUCCESS_RATE("low_success_rate", 15),
  /** A task type served by one key and no backup: one failure stops it. */
  SINGLE_POINT_OF_FAILURE("single_point_of_failure", 10),
  /** A task type no usable key serves at all. */
  UNSERVED_TASK_TYPE("unserved_task_type", 20),
  /** A key at or above 80 % of a limit in the current window. */
  NEAR_LIMIT("near_limit", 10),
  /** A cheaper key serves the same task type and has headroom. */
  CHEAPER_KEY_AVAILABLE("cost_optimization", 5),
  /** An active key that took no call while others did. */
  IDLE_KEY("idle_key", 5),
  /** A key switched off, or quarantined. */
  INACTIVE_KEY("inactive_key", 5),
  ROTATION_DUE("rotation_due", 5);

  private final String id;
  private final int penalty;

  RecommendationType(String id, int penalty) {
    this.id = id;
    this.penalty = penalty;
  }

  public String id() {
    return id;
  }

  public int penalty() {
    return penalty;
  }

  public Recommendation recommend(String subject, String message) {
    return new Recommendation(id, message, subject, penalty);
  }
}
