package org.keytriage.core.gateway;

import java.util.Objects;
import org.keytriage.core.events.Origin;
import org.keytriage.core.upstream.RelayedBody;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.UpstreamRequest;

/**
 * One request to relay to NVIDIA as it is (an OpenAI-compatible chat completion).
 *
 * @param taskType the task type that chooses the keys
 * @param request the body to relay, as bytes with the facts routing needs
 * @param hints what the caller tells the router; {@link RoutingHints#DEFAULT} when null
 * @param origin where the request came from; {@link Origin#LIBRARY} when null
 * @param callerId who asked (an integrator's name); {@code library} when null
 * @param requestId the request's id, which its event and request-log row carry and the server
 *     returns as {@code x-request-id}; a new {@link RequestIds#next()} when null
 */
public record Call(
    String taskType, RelayedBody request, RoutingHints hints, Origin origin, String callerId, String requestId) {
  /** The caller id of calls made by a Java program through the library. */
  public static final String LIBRARY_CALLER = "library";

  public Call {
    Objects.requireNonNull(taskType, "taskType");
    Objects.requireNonNull(request, "request");
    hints = hints == null ? RoutingHints.DEFAULT : hints;
    origin = origin == null ? Origin.LIBRARY : origin;
    callerId = callerId == null ? LIBRARY_CALLER : callerId;
    requestId = requestId == null ? RequestIds.next() : requestId;
  }

  /** A call with a new request id. */
  public Call(String taskType, RelayedBody request, RoutingHints hints, Origin origin, String callerId) {
    this(taskType, request, hints, origin, callerId, null);
  }

  /** A call of a request given as a tree, written once as the bytes to send. */
  public Call(String taskType, UpstreamRequest request, RoutingHints hints, Origin origin, String callerId) {
    this(taskType, RelayedBody.of(request), hints, origin, callerId, null);
  }

  /** A library call with default hints. */
  public static Call of(String taskType, UpstreamRequest request) {
    return new Call(taskType, request, RoutingHints.DEFAULT, Origin.LIBRARY, LIBRARY_CALLER);
  }

  /** A library call with these hints. */
  public static Call of(String taskType, UpstreamRequest request, RoutingHints hints) {
    return new Call(taskType, request, hints, Origin.LIBRARY, LIBRARY_CALLER);
  }

  @Override
  public String toString() {
    return "Call[taskType=" + taskType + ", request=" + request + ", origin=" + origin + ", callerId=" + callerId
        + ", requestId=" + requestId + "]";
  }
}
