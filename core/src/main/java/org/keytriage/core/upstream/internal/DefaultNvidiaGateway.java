package org.keytriage.core.upstream.internal;

import org.keytriage.core.json.JsonTrees;
import java.util.Map;
import java.util.Objects;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.upstream.GatewayResponse;
import org.keytriage.core.upstream.NvidiaGateway;
import org.keytriage.core.upstream.StreamListener;
import org.keytriage.core.upstream.UpstreamSettings;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.RoutingRequest;
import org.keytriage.spi.UpstreamRequest;

/** The gateway: estimates, routes through the failover loop, and calls with the right call kind. */
public final class DefaultNvidiaGateway implements NvidiaGateway {
  private final KeyTriage keyTriage;
  private final UpstreamSettings settings;
  private final UpstreamHttp http;
  private final FailoverLoop loop;
  private final CompletionCall completion;
  private final StreamCall streaming;

  public DefaultNvidiaGateway(KeyTriage keyTriage, UpstreamSettings settings) {
    this.keyTriage = Objects.requireNonNull(keyTriage, "keyTriage");
    this.settings = Objects.requireNonNull(settings, "settings");
    keyTriage.router().useGuards(settings.routingGuards());
    this.http = new UpstreamHttp(settings);
    this.loop =
        new FailoverLoop(
            keyTriage.router(),
            new KeyPenalties(keyTriage, settings.cooldown()),
            settings.attemptTimeout());
    this.completion = new CompletionCall(http, keyTriage.clock(), this::costPerToken);
    this.streaming = new StreamCall(http, keyTriage.clock(), this::costPerToken);
  }

  @Override
  public GatewayResponse complete(String taskType, UpstreamRequest request, RoutingHints hints) {
    Objects.requireNonNull(request, "request");
    TokenEstimate estimate = TokenEstimator.estimate(request, settings.defaultCompletionTokens());
    String json = JsonTrees.write(RequestBodies.forCompletion(request.body()));
    RoutingRequest routing = new RoutingRequest(taskType, reserving(hints, estimate, false));
    Deadline deadline = Deadline.start(settings.requestDeadline());
    return loop.run(
        routing,
        deadline,
        estimate,
        (a, timeout, d) -> completion.call(a, request.path(), json, timeout, estimate));
  }

  @Override
  public GatewayResponse stream(
      String taskType, UpstreamRequest request, RoutingHints hints, StreamListener listener) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(listener, "listener");
    TokenEstimate estimate = TokenEstimator.estimate(request, settings.defaultCompletionTokens());
    Map<String, Object> body = request.body();
    boolean passUsage = RequestBodies.callerWantsUsage(body);
    String json = JsonTrees.write(RequestBodies.forStreaming(body));
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

  private double costPerToken(String keyId) {
    return keyTriage.key(keyId).costPerToken();
  }

  @Override
  public UpstreamSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    http.close();
  }
}
