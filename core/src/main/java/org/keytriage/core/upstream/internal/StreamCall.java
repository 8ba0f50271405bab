package org.keytriage.core.upstream.internal;

import org.keytriage.core.json.JsonTrees;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToDoubleFunction;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.upstream.GatewayResponse;
import org.keytriage.core.upstream.StreamListener;
import org.keytriage.core.upstream.TokenUsage;

/**
 * One streaming upstream call. A 2xx body goes as bytes through a {@link StreamRelay} to the
 * listener; any other status is read whole as an error body. The attempt's timeout bounds the wait
 * for the first chunk (a key that hangs is left in time to fail over); once chunks flow, the
 * stream may run until the request deadline, so a long answer is not cut short.
 *
 * <p>Before the first chunk reached the listener, every failure is an ordinary failover outcome
 * (the caller has seen nothing). After it, the stream cannot be taken back: the listener gets
 * {@link StreamListener#onError} and the outcome is {@link OutcomeKind#STREAM_BROKEN}, with the
 * tokens streamed so far.
 */
final class StreamCall {
  private final UpstreamHttp http;
  private final Clock clock;
  private final ToDoubleFunction<String> costPerToken;

  StreamCall(UpstreamHttp http, Clock clock, ToDoubleFunction<String> costPerToken) {
    this.http = http;
    this.clock = clock;
    this.costPerToken = costPerToken;
  }

  Outcome call(
      Allocation a,
      String path,
      byte[] json,
      Duration timeout,
      Deadline deadline,
      TokenEstimate estimate,
      StreamListener listener,
      boolean passUsageChunk) {
    long start = System.nanoTime();
    StreamRelay relay = new StreamRelay(listener, passUsageChunk, a.apiKey());
    HttpResponse.BodyHandler<String> handler =
        info -> {
          if (info.statusCode() >= 200 && info.statusCode() < 300) {
            relay.status(info.statusCode());
            return BodySubscribers.fromSubscriber(relay, r -> (String) null);
          }
          return BodySubscribers.ofString(StandardCharsets.UTF_8);
        };
    CompletableFuture<HttpResponse<String>> future;
    try {
      future = http.send(http.request(a, path, json, true, timeout), handler);
    } catch (IllegalArgumentException e) {
      return Failures.classify(e, 0);
    }
    try {
      CompletableFuture.anyOf(future, relay.ended(), relay.firstChunk())
          .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (!relay.ended().isDone() && !future.isDone()) {
        // streaming: the rest may take until the request deadline
        Duration rest = deadline.remaining();
        CompletableFuture.anyOf(future, relay.ended()).get(rest.toNanos(), TimeUnit.NANOSECONDS);
      }
    } catch (TimeoutException e) {
      relay.cancel();
      future.cancel(true);
      long ms = millisSince(start);
      String detail = "timed out after " + ms + " ms";
      return relay.relayed() > 0
          ? broken(a, relay, estimate, detail + " mid-stream", ms, e)
          : Outcome.failure(OutcomeKind.TIMEOUT, detail, ms, e);
    } catch (ExecutionException e) {
      // reported below from the future or the relay, whichever failed
    } catch (InterruptedException e) {
      relay.cancel();
      future.cancel(true);
      Thread.currentThread().interrupt();
      if (relay.relayed() > 0) {
        relay.fail("the gateway was interrupted");
      }
      return Outcome.failure(OutcomeKind.INTERRUPTED, "interrupted", millisSince(start), e);
    }
    long latency = millisSince(start);
    if (!relay.subscribed()) {
      return beforeBody(a, future, latency);
    }
    StreamRelay.End end = relay.end();
    switch (end) {
      case DONE:
        TokenUsage tokens = relay.assembly().tokens(estimate.prompt());
        return Outcome.served(response(a, relay, tokens, latency));
      case LISTENER_FAILED:
        return Outcome.partial(
            OutcomeKind.LISTENER_FAILED,
            "the stream listener threw " + Failures.describe(relay.failure()),
            response(a, relay, relay.assembly().tokens(estimate.prompt()), latency),
            relay.failure());
      case UPSTREAM_ERROR:
        String what = "upstream error event: " + Scrub.secret(relay.upstreamError(), a.apiKey());
        return relay.relayed() > 0
            ? broken(a, relay, estimate, what, latency, null)
            : Outcome.failure(OutcomeKind.SERVER_ERROR, what, latency, null);
      case FAILED:
        return relay.relayed() > 0
            ? broken(a, relay, estimate, "connection lost mid-stream (" + Failures.describe(Failures.unwrap(relay.failure())) + ")", latency, relay.failure())
            : Failures.classify(relay.failure(), latency);
      default: // ENDED_EARLY, or OPEN when the response future failed first
        if (relay.relayed() > 0) {
          return broken(a, relay, estimate, "stream ended without [DONE]", latency, null);
        }
        if (future.isCompletedExceptionally()) {
          return beforeBody(a, future, latency);
        }
        return Outcome.failure(OutcomeKind.CONNECTION_ERROR, "stream ended before any chunk", latency, null);
    }
  }

  /** The outcome when no 2xx body was streamed: an error status, or a failure before the headers. */
  private Outcome beforeBody(Allocation a, CompletableFuture<HttpResponse<String>> future, long latency) {
    HttpResponse<String> response;
    try {
      response = future.getNow(null);
    } catch (RuntimeException e) {
      return Failures.classify(e, latency);
    }
    if (response == null) {
      return Outcome.failure(OutcomeKind.CONNECTION_ERROR, "no response", latency, null);
    }
    int status = response.statusCode();
    String body = Scrub.secret(response.body(), a.apiKey());
    Duration retryAfter =
        response.headers().firstValue("Retry-After")
            .flatMap(h -> RetryAfter.parse(h, clock.instant()))
            .orElse(null);
    return Outcome.status(OutcomeKind.ofStatus(status), status, retryAfter, body,
        JsonTrees.parseObject(body).orElse(Map.of()), latency);
  }

  private Outcome broken(
      Allocation a, StreamRelay relay, TokenEstimate estimate, String detail, long latency, Throwable cause) {
    relay.fail("The upstream stream broke: " + detail + "; the answer is incomplete");
    TokenUsage soFar = relay.assembly().tokens(estimate.prompt());
    return Outcome.partial(OutcomeKind.STREAM_BROKEN, detail, response(a, relay, soFar, latency), cause);
  }

  private GatewayResponse response(Allocation a, StreamRelay relay, TokenUsage tokens, long latency) {
    double cost = tokens.total() * costPerToken.applyAsDouble(a.keyId());
    int status = relay.status() == 0 ? 200 : relay.status();
    return new GatewayResponse(status, relay.assembly().body(tokens), a.keyId(), tokens, cost, 1, latency);
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
