package org.keytriage.core.upstream.internal;

import org.keytriage.core.json.JsonTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.upstream.GatewayResponse;
import org.keytriage.core.upstream.TokenUsage;

/**
 * One non-streaming upstream call, on the calling thread. The whole exchange, body included, is
 * bounded by the attempt's timeout (the watchdog aborts it), and so is each read.
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
    Exchange exchange;
    try {
      exchange = http.prepare(a, path, json, false, timeout);
    } catch (IllegalArgumentException e) {
      return Failures.classify(e, 0);
    }
    try (exchange; Watchdog.Guard guard = http.guard(exchange, timeout)) {
      int status;
      byte[] received;
      try {
        exchange.execute();
        status = exchange.status();
        received = exchange.body().readAllBytes();
      } catch (IOException e) {
        long ms = millisSince(start);
        return guard.fired()
            ? Outcome.failure(OutcomeKind.TIMEOUT, "timed out after " + ms + " ms", ms, e)
            : Failures.classify(e, ms);
      }
      return answer(a, exchange, status, received, millisSince(start), estimate);
    }
  }

  private Outcome answer(Allocation a, Exchange exchange, int status, byte[] received, long latency, TokenEstimate estimate) {
    OutcomeKind kind = OutcomeKind.ofStatus(status);
    byte[] body = Scrub.secret(received, a.apiKey());
    if (kind != OutcomeKind.SERVED) {
      Duration retryAfter =
          exchange.header("Retry-After")
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
