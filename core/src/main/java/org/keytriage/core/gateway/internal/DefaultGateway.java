package org.keytriage.core.gateway.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.keytriage.core.errors.ErrorCode;
import org.keytriage.core.events.GatewayEvents;
import org.keytriage.core.events.Origin;
import org.keytriage.core.events.RequestFailed;
import org.keytriage.core.events.RequestServed;
import org.keytriage.core.gateway.Call;
import org.keytriage.core.gateway.Gateway;
import org.keytriage.core.gateway.InvalidTaskInputException;
import org.keytriage.core.gateway.TaskCall;
import org.keytriage.core.gateway.TaskOutcome;
import org.keytriage.core.plugin.PluginRegistry;
import org.keytriage.core.upstream.GatewayResponse;
import org.keytriage.core.upstream.RelayedBody;
import org.keytriage.core.upstream.StreamBrokenException;
import org.keytriage.core.upstream.StreamListener;
import org.keytriage.core.upstream.UpstreamClientErrorException;
import org.keytriage.core.upstream.UpstreamDeadlineExceededException;
import org.keytriage.core.upstream.internal.UpstreamCalls;
import org.keytriage.spi.ClinicalPriority;
import org.keytriage.spi.FieldError;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskHandler;
import org.keytriage.spi.TaskHandlerFactory;
import org.keytriage.spi.TaskResult;
import org.keytriage.spi.UpstreamRequest;

/**
 * The gateway: each request is timed, handed to the upstream calls, and its outcome published
 * once — {@link RequestServed} or {@link RequestFailed} with the failure's {@link ErrorCode}. A
 * typed task is validated, built and parsed by its handler around the same call.
 */
public final class DefaultGateway implements Gateway {
  private final UpstreamCalls calls;
  private final TaskHandlers handlers;
  private final GatewayEvents events;
  private final Clock clock;

  public DefaultGateway(
      UpstreamCalls calls,
      PluginRegistry<TaskHandlerFactory> taskHandlers,
      Map<String, Map<String, String>> handlerSettings,
      GatewayEvents events,
      Clock clock) {
    this.calls = Objects.requireNonNull(calls, "calls");
    this.handlers = new TaskHandlers(taskHandlers, handlerSettings);
    this.events = Objects.requireNonNull(events, "events");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public GatewayResponse complete(Call call) {
    return published(Asked.by(call), false, () -> calls.complete(call.taskType(), call.request(), call.hints()));
  }

  @Override
  public GatewayResponse stream(Call call, StreamListener listener) {
    Objects.requireNonNull(listener, "listener");
    return published(Asked.by(call), true,
        () -> calls.stream(call.taskType(), call.request(), call.hints(), listener));
  }

  @Override
  public TaskOutcome<TaskResult> run(TaskCall call) {
    TaskHandler handler = handlers.of(call.taskType());
    List<FieldError> errors = handler.validate(call.input());
    if (!errors.isEmpty()) {
      // nothing was sent: not a request outcome, as for a malformed /v1 body
      throw new InvalidTaskInputException(call.taskType(), errors);
    }
    UpstreamRequest request = handler.buildRequest(call.input());
    RoutingHints hints = handler.routingHints(call.input());
    Call upstream = new Call(call.taskType(), RelayedBody.of(request),
        call.origin() == Origin.BATCH ? asBatchWork(hints) : hints, call.origin(), call.callerId(), call.requestId());
    GatewayResponse response = request.streaming()
        ? stream(upstream, TextRelay.to(call.listener()))
        : complete(upstream);
    TaskResult result = handler.parseResponse(call.input(), response.toUpstreamResponse());
    return new TaskOutcome<>(call.taskType(), result, result, response.keyId(), response.tokens(),
        response.cost(), response.attempts(), response.latencyMillis());
  }

  @Override
  public List<FieldError> validate(TaskCall call) {
    return handlers.of(call.taskType()).validate(call.input());
  }

  @Override
  public Set<String> taskHandlerTypes() {
    return handlers.types();
  }

  @Override
  public Map<String, Object> models(String taskType, Origin origin, String callerId, String requestId) {
    Asked asked = new Asked(requestId, taskType, origin, callerId, RoutingHints.DEFAULT, null);
    return published(asked, false, () -> calls.models(taskType)).body();
  }

  /**
   * Batch work goes to cheap keys and at LOW priority whatever the handler asked, so the router
   * keeps the last part of each key's window for interactive work.
   */
  private static RoutingHints asBatchWork(RoutingHints hints) {
    return hints.toBuilder().costSensitive(true).clinicalPriority(ClinicalPriority.LOW).build();
  }

  /** What a request asked, as its event tells it. */
  private record Asked(
      String requestId, String taskType, Origin origin, String caller, RoutingHints hints, String model) {
    static Asked by(Call call) {
      return new Asked(call.requestId(), call.taskType(), call.origin(), call.callerId(), call.hints(),
          call.request().model());
    }
  }

  private GatewayResponse published(Asked asked, boolean streamed, Supplier<GatewayResponse> call) {
    long started = System.nanoTime();
    GatewayResponse r;
    try {
      r = call.get();
    } catch (RuntimeException e) {
      events.publish(failed(asked, e, System.nanoTime() - started));
      throw e;
    }
    events.publish(new RequestServed(clock.instant(), asked.requestId(), asked.taskType(), asked.origin(),
        asked.caller(), asked.hints(), asked.model(), r.keyId(), r.tokens().prompt(), r.tokens().completion(),
        r.cost(), r.attempts(), r.latencyMillis(), System.nanoTime() - started, streamed));
    return r;
  }

  private RequestFailed failed(Asked asked, RuntimeException e, long nanos) {
    String keyId = null;
    long tokens = 0;
    double cost = 0;
    int attempts = 0;
    if (e instanceof UpstreamClientErrorException c) {
      keyId = c.keyId();
      attempts = 1;
    } else if (e instanceof UpstreamDeadlineExceededException d) {
      attempts = d.attempts();
    } else if (e instanceof StreamBrokenException b && b.partial() != null) {
      keyId = b.partial().keyId();
      tokens = b.partial().tokens().total();
      cost = b.partial().cost();
      attempts = b.partial().attempts();
    }
    return new RequestFailed(clock.instant(), asked.requestId(), asked.taskType(), asked.origin(), asked.caller(),
        ErrorCode.of(e), keyId, tokens, cost, attempts, nanos);
  }
}
