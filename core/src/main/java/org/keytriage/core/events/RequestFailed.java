package org.keytriage.core.events;

import java.time.Instant;
import java.util.Objects;
import org.keytriage.core.errors.ErrorCode;

/**
 * A client request ended without an answer (or, for a broken stream, with part of one).
 *
 * @param at when it ended
 * @param requestId the request's id ({@code x-request-id})
 * @param taskType the request's task type
 * @param origin where it came from
 * @param callerId the integrator's name, {@code library} for a library call
 * @param code why, in the one error vocabulary
 * @param keyId the key involved last (the one that refused the request, or streamed part of it);
 *     null when no key was called
 * @param tokens tokens booked for it (a broken stream's partial answer), else 0
 * @param cost the cost booked for those tokens, else 0
 * @param attempts upstream calls made
 * @param durationNanos the whole request
 */
public record RequestFailed(
    Instant at,
    String requestId,
    String taskType,
    Origin origin,
    String callerId,
    ErrorCode code,
    String keyId,
    long tokens,
    double cost,
    int attempts,
    long durationNanos)
    implements GatewayEvent {

  public RequestFailed {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(taskType, "taskType");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(code, "code");
  }
}
