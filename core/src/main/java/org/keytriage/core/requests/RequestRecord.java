package org.keytriage.core.requests;

import java.time.Instant;
import java.util.Objects;
import org.keytriage.core.events.Origin;
import org.keytriage.core.events.RequestFailed;
import org.keytriage.core.events.RequestServed;

/**
 * One client request as the request log keeps it. Metadata only: never a prompt, an answer or a
 * secret.
 *
 * @param requestId its id ({@code x-request-id}), unique
 * @param at when it ended
 * @param integrator who asked (an integrator's name, {@code library} for a library call)
 * @param origin where it entered
 * @param taskType its task type
 * @param keyId the key that served it (or was involved last); null when no key was called
 * @param attempts upstream calls made
 * @param promptTokens prompt tokens booked
 * @param completionTokens completion tokens booked (a failed request's partial answer included)
 * @param cost the booked cost
 * @param latencyMillis the whole request, failovers included
 * @param outcome {@link #OK}, or the error code it ended with ({@code no_available_key}, …)
 */
public record RequestRecord(
    String requestId,
    Instant at,
    String integrator,
    Origin origin,
    String taskType,
    String keyId,
    int attempts,
    long promptTokens,
    long completionTokens,
    double cost,
    long latencyMillis,
    String outcome) {

  /** The outcome of a request that was answered. */
  public static final String OK = "ok";

  public RequestRecord {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(integrator, "integrator");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(taskType, "taskType");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** The row of an answered request. */
  public static RequestRecord of(RequestServed e) {
    return new RequestRecord(e.requestId(), e.at(), e.callerId(), e.origin(), e.taskType(), e.keyId(), e.attempts(),
        e.promptTokens(), e.completionTokens(), e.cost(), e.durationNanos() / 1_000_000, OK);
  }

  /** The row of a request that ended without an answer. */
  public static RequestRecord of(RequestFailed e) {
    return new RequestRecord(e.requestId(), e.at(), e.callerId(), e.origin(), e.taskType(), e.keyId(), e.attempts(),
        0, e.tokens(), e.cost(), e.durationNanos() / 1_000_000, e.code().code());
  }

  public long totalTokens() {
    return promptTokens + completionTokens;
  }
}
