package org.keytriage.simulator;

import java.time.Instant;
import java.util.Objects;

/**
 * One request as the simulator saw it, recorded when it decided the answer.
 *
 * @param label the key's label (never the raw key)
 * @param epochMillis when it arrived, by the simulator's injected clock
 * @param tokens prompt plus completion tokens for a success; prompt tokens only for anything else
 * @param status the HTTP status answered: 200, 401 (revoked key), 400, 429, 5xx, or {@link
 *     #NO_RESPONSE} for a request left hanging with no {@code hang_ms}
 * @param accepted whether the rate limiter admitted it and so counted it against the key's limits
 *     (true for 200 and injected 5xx; false for 400, 401 and 429)
 * @param endpoint the request path, e.g. {@code /v1/chat/completions}
 */
public record WitnessEntry(
    String label, long epochMillis, long tokens, int status, boolean accepted, String endpoint) {

  /** The status of a request that was accepted and never answered. */
  public static final int NO_RESPONSE = 0;

  public WitnessEntry {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(endpoint, "endpoint");
    if (tokens < 0) {
      throw new IllegalArgumentException("tokens must be >= 0 (was " + tokens + ")");
    }
  }

  /** A hand-made entry, accepted, for the chat endpoint: handy in tests. */
  public static WitnessEntry of(String label, long epochMillis, long tokens, int status) {
    return new WitnessEntry(label, epochMillis, tokens, status, true, "/v1/chat/completions");
  }

  public Instant time() {
    return Instant.ofEpochMilli(epochMillis);
  }
}
