package org.keytriage.core.upstream.internal;

import java.time.Duration;
import java.util.Map;
import org.keytriage.core.upstream.GatewayResponse;

/**
 * How one upstream call ended, with what the failover loop needs to complete the allocation.
 *
 * @param kind what happened
 * @param detail for a person, e.g. {@code HTTP 503} or {@code timed out after 500 ms}; no secret
 * @param status the HTTP status, 0 when none was received
 * @param retryAfter the upstream's {@code Retry-After}, or null
 * @param response for SERVED, the answer; for STREAM_BROKEN and LISTENER_FAILED, what streamed
 * @param errorBody for CLIENT_ERROR, the upstream's body
 * @param errorJson for CLIENT_ERROR, the body as JSON, empty if it was not
 * @param latencyMillis how long the call took
 * @param cause the exception behind it, or null
 */
record Outcome(
    OutcomeKind kind,
    String detail,
    int status,
    Duration retryAfter,
    GatewayResponse response,
    String errorBody,
    Map<String, Object> errorJson,
    long latencyMillis,
    Throwable cause) {

  static Outcome served(GatewayResponse response) {
    return new Outcome(OutcomeKind.SERVED, "HTTP " + response.status(), response.status(), null,
        response, null, null, response.latencyMillis(), null);
  }

  static Outcome status(OutcomeKind kind, int status, Duration retryAfter, String body,
      Map<String, Object> json, long latencyMillis) {
    return new Outcome(kind, "HTTP " + status, status, retryAfter, null, body, json, latencyMillis, null);
  }

  static Outcome failure(OutcomeKind kind, String detail, long latencyMillis, Throwable cause) {
    return new Outcome(kind, detail, 0, null, null, null, null, latencyMillis, cause);
  }

  static Outcome partial(OutcomeKind kind, String detail, GatewayResponse partial, Throwable cause) {
    return new Outcome(kind, detail, partial.status(), null, partial, null, null,
        partial.latencyMillis(), cause);
  }
}
