package org.keytriage.core.events;

import java.time.Instant;
import java.util.Objects;
import org.keytriage.spi.RoutingHints;

/**
 * A client request was answered.
 *
 * @param at when the answer was complete
 * @param requestId the request's id ({@code x-request-id})
 * @param taskType the request's task type
 * @param origin where it came from
 * @param callerId the integrator's name, {@code library} for a library call
 * @param hints what the router was told (priority, cost- and latency-sensitivity, the token
 *     estimate reserved)
 * @param model the model asked for (from the request); null when the request named none
 * @param keyId the key that served it
 * @param promptTokens prompt tokens booked
 * @param completionTokens completion tokens booked
 * @param cost the booked cost of the serving call
 * @param attempts upstream calls made, the serving one included
 * @param latencyMillis the serving call's upstream response time
 * @param durationNanos the whole request, failovers included
 * @param streamed whether the answer was relayed as a stream
 */
public record RequestServed(
    Instant at,
    String requestId,
    String taskType,
    Origin origin,
    String callerId,
    RoutingHints hints,
    String model,
    String keyId,
    long promptTokens,
    long completionTokens,
    double cost,
    int attempts,
    long latencyMillis,
    long durationNanos,
    boolean streamed)
    implements GatewayEvent {

  public RequestServed {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(taskType, "taskType");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(keyId, "keyId");
  }

  public long totalTokens() {
    return promptTokens + completionTokens;
  }
}
