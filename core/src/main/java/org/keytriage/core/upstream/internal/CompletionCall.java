package org.keytriage.core.upstream.internal;

import org.keytriage.core.json.JsonTrees;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToDoubleFunction;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.upstream.GatewayResponse;
import org.keytriage.core.upstream.TokenUsage;

/**
 * One non-streaming upstream call. The whole exchange, body included, is bounded by the attempt's
 * timeout: the request's own timeout only covers waiting for the headers.
 */
final class CompletionCall {
  private final UpstreamHttp http;
  private final Clock clock;
  private final ToDoubleFunction<String> costPerToken;

  CompletionCall(UpstreamHttp http, Clock clock, ToDoubleFunction<String> costPerToken) {
    this.http = http;
    this.clock = clock;
    this.costPerToken = costPerToken;
  }

  Outcome call(Allocation a, String path, String json, Duration timeout, TokenEstimate estimate) {
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<String>> future;
    try {
      future =
          http.send(
              http.request(a, path, json, false, timeout),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Failures.classify(e, 0);
    }
    HttpResponse<String> response;
    try {
      response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      long ms = millisSince(start);
      return Outcome.failure(OutcomeKind.TIMEOUT, "timed out after " + ms + " ms", ms, e);
    } catch (ExecutionException e) {
      return Failures.classify(e, millisSince(start));
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return Outcome.failure(OutcomeKind.INTERRUPTED, "interrupted", millisSince(start), e);
    }
    long latency = millisSince(start);
    int status = response.statusCode();
    OutcomeKind kind = OutcomeKind.ofStatus(status);
    String body = Scrub.secret(response.body(), a.apiKey());
    if (kind != OutcomeKind.SERVED) {
      Duration retryAfter =
          response.headers().firstValue("Retry-After")
              .flatMap(h -> RetryAfter.parse(h, clock.instant()))
              .orElse(null);
      return Outcome.status(kind, status, retryAfter, body,
          JsonTrees.parseObject(body).orElse(Map.of()), latency);
    }
    Optional<Map<String, Object>> tree = JsonTrees.parseObject(body);
    if (tree.isEmpty()) {
      // a 2xx the caller cannot use is the key's failure, and another key may do better
      return Outcome.failure(OutcomeKind.SERVER_ERROR, "HTTP " + status + " with a body that is not a JSON object", latency, null);
    }
    Map<String, Object> parsed = tree.get();
    TokenUsage tokens =
        UsageReader.usage(parsed.get("usage"))
            .orElseGet(() -> UsageReader.counted(estimate.prompt(), UsageReader.answerChars(parsed)));
    double cost = tokens.total() * costPerToken.applyAsDouble(a.keyId());
    return Outcome.served(new GatewayResponse(status, parsed, a.keyId(), tokens, cost, 1, latency));
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
