package org.keytriage.core.upstream.internal;

import java.time.Clock;
import java.util.Objects;
import org.keytriage.core.events.GatewayEvents;
import org.keytriage.core.keys.KeyRegistry;
import org.keytriage.core.routing.Router;
import org.keytriage.core.upstream.GatewayResponse;
import org.keytriage.core.upstream.RelayedBody;
import org.keytriage.core.upstream.StreamListener;
import org.keytriage.core.upstream.UpstreamSettings;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.RoutingRequest;

/**
 * The calls to NVIDIA: estimates tokens, routes through the failover loop, and calls with the
 * right call kind — a completion, a stream, or the model list. The only code that holds the
 * upstream HTTP client. Thread-safe; close it to stop the client's threads.
 */
public final class UpstreamCalls implements AutoCloseable {
  /** The path of the model list below a key's base URL. */
  static final String MODELS_PATH = "/v1/models";

  private static final TokenEstimate NO_TOKENS = new TokenEstimate(0, 0);

  private final UpstreamSettings settings;
  private final UpstreamHttp http;
  private final FailoverLoop loop;
  private final CompletionCall completion;
  private final StreamCall streaming;

  public UpstreamCalls(
      Router router, KeyRegistry keys, UpstreamSettings settings, Clock clock, GatewayEvents events) {
    Objects.requireNonNull(keys, "keys");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.http = new UpstreamHttp(settings);
    this.loop =
        new FailoverLoop(
            router,
            new KeyPenalties(keys, settings.cooldown(), clock, events),
            settings.attemptTimeout(),
            events,
            clock);
    this.completion = new CompletionCall(http, clock, id -> keys.key(id).costPerToken());
    this.streaming = new StreamCall(http, clock, id -> keys.key(id).costPerToken());
  }

  /** A non-streaming call; see {@link org.keytriage.core.gateway.Gateway#complete}. */
  public GatewayResponse complete(String taskType, RelayedBody request, RoutingHints hints) {
    Objects.requireNonNull(request, "request");
    TokenEstimate estimate = TokenEstimator.estimate(request, settings.defaultCompletionTokens());
    byte[] json = request.forCompletion();
    RoutingRequest routing = new RoutingRequest(taskType, reserving(hints, estimate, false));
    Deadline deadline = Deadline.start(settings.requestDeadline());
    return loop.run(
        routing,
        deadline,
        estimate,
        (a, timeout, d) -> completion.call(a, request.path(), json, timeout, estimate));
  }

  /** A streaming call; see {@link org.keytriage.core.gateway.Gateway#stream}. */
  public GatewayResponse stream(
      String taskType, RelayedBody request, RoutingHints hints, StreamListener listener) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(listener, "listener");
    TokenEstimate estimate = TokenEstimator.estimate(request, settings.defaultCompletionTokens());
    boolean passUsage = request.callerWantsUsage();
    byte[] json = request.forStreaming();
    RoutingRequest routing = new RoutingRequest(taskType, reserving(hints, estimate, true));
    Deadline deadline = Deadline.start(settings.requestDeadline());
    return loop.run(
        routing,
        deadline,
        estimate,
        (a, timeout, d) ->
            streaming.call(a, request.path(), json, timeout, d, estimate, listener, passUsage));
  }

  /**
   * The upstream's model list, fetched on a key of {@code taskType} like any call: one request
   * against that key's limits, no tokens; a 429 cools the key down, a 401 quarantines it, and
   * another key is tried.
   */
  public GatewayResponse models(String taskType) {
    RoutingRequest routing = new RoutingRequest(taskType, RoutingHints.DEFAULT);
    Deadline deadline = Deadline.start(settings.requestDeadline());
    return loop.run(
        routing,
        deadline,
        NO_TOKENS,
        (a, timeout, d) -> completion.call(a, MODELS_PATH, null, timeout, NO_TOKENS));
  }

  /**
   * The caller's hints, reserving the larger of their estimate and ours: ours is computed from the
   * body actually sent, theirs may know better (a tokenizer); reserving too little would let the
   * settled count push a key past its TPM.
   */
  private static RoutingHints reserving(RoutingHints hints, TokenEstimate estimate, boolean stream) {
    RoutingHints h = hints == null ? RoutingHints.DEFAULT : hints;
    return h.toBuilder()
        .estimatedTokens(Math.max(h.estimatedTokens(), estimate.total()))
        .streaming(h.streaming() || stream)
        .build();
  }

  public UpstreamSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    http.close();
  }
}
