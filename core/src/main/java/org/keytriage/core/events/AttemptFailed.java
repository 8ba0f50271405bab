package org.keytriage.core.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One upstream attempt failed in a way another key may serve better, and the gateway fails over.
 *
 * @param at when the attempt ended
 * @param taskType the request's task type
 * @param keyId the key that failed
 * @param failure what happened, e.g. {@code HTTP 503} or {@code timed out after 30000 ms}; never a
 *     body
 * @param latencyMillis how long the attempt took
 */
public record AttemptFailed(Instant at, String taskType, String keyId, String failure, long latencyMillis)
    implements GatewayEvent {

  public AttemptFailed {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(taskType, "taskType");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(failure, "failure");
  }
}
