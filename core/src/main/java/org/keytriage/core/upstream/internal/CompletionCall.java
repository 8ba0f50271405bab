package org.keytriage.core.upstream.internal;

import org.keytriage.core.json.JsonTrees;
import java.net.http.HttpResponse;
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

  /**
   * @param json the body to POST, or null for a GET
   */
  Outcome call(Allocation a, String path, byte[] json, Duration timeout, TokenEstimate estimate) {
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<byte[]>> future;
    try {
      future = http.send(http.request(a, path, json, false, timeout), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IllegalArgumentException e) {
      return Failures.classify(e, 0);
    }
    HttpResponse<byte[]> response;
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
    byte[] body = Scrub.secret(response.body(), a.apiKey());
    if (kind != OutcomeKind.SERVED) {
      Duration retryAfter =
          response.headers().firstValue("Retry-After")
              .flatMap(h -> RetryAfter.parse(h, clock.instant()))
              .orElse(null);
      String text = new String(body, StandardCharsets.UTF_8);
      return Outcome.status(kind, status, retryAfter, text, JsonTrees.parseObject(text).orElse(Map.of()), latency);
    }
    AnswerScan.Result scan = AnswerScan.scan(body);
    if (!scan.object()) {
      // a 2xx the caller cannot use is the key's failure, and another key may do better
      return Outcome.failure(OutcomeKind.SERVER_ERROR, "HTTP " + status + " with a body that is not a JSON object", latency, null);
    }
    // an answer without usage is counted from its text: the rare case that needs its tree
    TokenUsage tokens = scan.usage().orElseGet(() -> UsageReader.counted(estimate.prompt(),
        UsageReader.answerChars(JsonTrees.parseObject(new String(body, StandardCharsets.UTF_8)).orElse(Map.of()))));
    double cost = tokens.total() * costPerToken.applyAsDouble(a.keyId());
    return Outcome.served(GatewayResponse.ofBytes(status, body, a.keyId(), tokens, cost, 1, latency));
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
