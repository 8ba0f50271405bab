package org.keytriage.core.upstream.internal;

import org.keytriage.core.json.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.upstream.GatewayResponse;
import org.keytriage.core.upstream.StreamListener;
import org.keytriage.core.upstream.TokenUsage;

/**
 * One streaming upstream call, on the calling thread: no thread of its own. A 2xx body is read
 * and handed as bytes through a {@link StreamRelay} to the listener, chunk by chunk as it arrives;
 * any other status is read whole as an error body. The attempt's timeout bounds the wait for the
 * first chunk (a key that hangs is left in time to fail over); once chunks flow, the stream may
 * run until the request deadline, so a long answer is not cut short.
 *
 * <p>Before the first chunk reached the listener, every failure is an ordinary failover outcome
 * (the caller has seen nothing). After it, the stream cannot be taken back: the listener gets
 * {@link StreamListener#onError} and the outcome is {@link OutcomeKind#STREAM_BROKEN}, with the
 * tokens streamed so far.
 */
final class StreamCall {
  /** How long the rest of a body may take to end after {@code [DONE]}. */
  static final Duration DRAIN_GRACE = Duration.ofSeconds(1);

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
    Exchange exchange;
    try {
      exchange = http.prepare(a, path, json, true, timeout);
    } catch (IllegalArgumentException e) {
      return Failures.classify(e, 0);
    }
    StreamRelay relay = new StreamRelay(listener, passUsageChunk, a.apiKey(), exchange::abort);
    try (exchange; Watchdog.Guard guard = http.guard(exchange, timeout)) {
      try {
        exchange.execute();
      } catch (IOException e) {
        long ms = millisSince(start);
        return guard.fired()
            ? Outcome.failure(OutcomeKind.TIMEOUT, "timed out after " + ms + " ms", ms, e)
            : Failures.classify(e, ms);
      }
      int status = exchange.status();
      if (status < 200 || status >= 300) {
        return errorStatus(a, exchange, status, guard, start);
      }
      relay.status(status);
      pump(exchange, relay, guard, deadline);
      long latency = millisSince(start);
      if (guard.fired() && relay.end() != StreamRelay.End.DONE) {
        String detail = "timed out after " + latency + " ms";
        return relay.relayed() > 0
            ? broken(a, relay, estimate, detail + " mid-stream", latency, null)
            : Outcome.failure(OutcomeKind.TIMEOUT, detail, latency, null);
      }
      return ended(a, relay, estimate, latency);
    }
  }

  /**
   * Reads the body into the relay on this thread until the relay ends, then on to the body's end
   * after {@code [DONE]} (so the connection can be reused). The attempt's timeout bounds the wait
   * for the first chunk; once chunks flow, the stream may run until the request deadline.
   */
  private static void pump(Exchange exchange, StreamRelay relay, Watchdog.Guard guard, Deadline deadline) {
    byte[] buffer = new byte[8192];
    boolean flowing = false;
    boolean draining = false;
    try (InputStream in = exchange.body()) {
      while (relay.readsOn()) {
        int n = in.read(buffer);
        if (n < 0) {
          relay.completed();
          return;
        }
        relay.accept(buffer, n);
        if (!flowing && relay.relayed() > 0) {
          flowing = true;
          guard.arm(deadline.remaining());
        }
        if (!draining && relay.end() == StreamRelay.End.DONE) {
          // the answer is complete: what is left (the chunked terminator) comes at once, or the
          // connection is given up rather than the caller kept waiting for it
          draining = true;
          guard.arm(DRAIN_GRACE);
        }
      }
    } catch (IOException | RuntimeException e) {
      relay.failed(e);
    }
  }

  /** How the relay ended, as the attempt's outcome. */
  private Outcome ended(Allocation a, StreamRelay relay, TokenEstimate estimate, long latency) {
    switch (relay.end()) {
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
      default: // ENDED_EARLY
        if (relay.relayed() > 0) {
          return broken(a, relay, estimate, "stream ended without [DONE]", latency, null);
        }
        return Outcome.failure(OutcomeKind.CONNECTION_ERROR, "stream ended before any chunk", latency, null);
    }
  }

  /** A non-2xx answer: its body read whole as the error it is. */
  private Outcome errorStatus(Allocation a, Exchange exchange, int status, Watchdog.Guard guard, long start) {
    byte[] received;
    try (InputStream in = exchange.body()) {
      received = in.readAllBytes();
    } catch (IOException e) {
      long ms = millisSince(start);
      return guard.fired()
          ? Outcome.failure(OutcomeKind.TIMEOUT, "timed out after " + ms + " ms", ms, e)
          : Failures.classify(e, ms);
    }
    String body = Scrub.secret(new String(received, StandardCharsets.UTF_8), a.apiKey());
    Duration retryAfter = exchange.header("Retry-After")
        .flatMap(h -> RetryAfter.parse(h, clock.instant()))
        .orElse(null);
    return Outcome.status(OutcomeKind.ofStatus(status), status, retryAfter, body,
        JsonTrees.parseObject(body).orElse(Map.of()), millisSince(start));
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
