package org.keytriage.spi;

/**
 * One request the router must place on a key.
 *
 * @param taskType the task type id, e.g. {@link TaskTypes#MEDICAL_TEXT_ANALYSIS}
 * @param hints what the task handler said about the request
 */
public record RoutingRequest(String taskType, RoutingHints hints) {
  public RoutingRequest {
    if (taskType == null || taskType.isBlank()) {
      throw new IllegalArgumentException("taskType must not be blank");
    }
    if (hints == null) {
      throw new IllegalArgumentException("hints must not be null");
    }
  }

  public static RoutingRequest of(String taskType, long estimatedTokens) {
    return new RoutingRequest(taskType, RoutingHints.ofTokens(estimatedTokens));
  }

  public long estimatedTokens() {
    return hints.estimatedTokens();
  }
}
