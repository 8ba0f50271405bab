package org.keytriage.core.requests;

import java.time.Duration;
import java.util.Objects;

/**
 * How the request log is written. Immutable; {@link #builder()} starts from the defaults.
 *
 * @param capacity rows that may wait for the store (default 20,000: about a minute at 300 req/s
 *     with the database down); a row beyond that is dropped and counted
 * @param batchSize the most rows written in one transaction (default 500)
 * @param flushInterval how long a row may wait for its batch to fill (default 200 ms)
 * @param retention how long rows are kept (default 30 days); roll-ups are kept
 * @param maxBackoff the longest wait between retries while the store fails (default 5 s)
 */
public record RequestLogSettings(
    int capacity, int batchSize, Duration flushInterval, Duration retention, Duration maxBackoff) {

  public static final RequestLogSettings DEFAULTS = builder().build();

  public RequestLogSettings {
    if (capacity < 1) {
      throw new IllegalArgumentException("request log capacity must be at least 1, was " + capacity);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("request log batch size must be at least 1, was " + batchSize);
    }
    positive(flushInterval, "request log flush interval");
    positive(retention, "request log retention");
    positive(maxBackoff, "request log max backoff");
  }

  private static void positive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + d);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder with the documented defaults. */
  public static final class Builder {
    private int capacity = 20_000;
    private int batchSize = 500;
    private Duration flushInterval = Duration.ofMillis(200);
    private Duration retention = Duration.ofDays(30);
    private Duration maxBackoff = Duration.ofSeconds(5);

    private Builder() {}

    public Builder capacity(int value) {
      capacity = value;
      return this;
    }

    public Builder batchSize(int value) {
      batchSize = value;
      return this;
    }

    public Builder flushInterval(Duration value) {
      flushInterval = value;
      return this;
    }

    public Builder retention(Duration value) {
      retention = value;
      return this;
    }

    public Builder maxBackoff(Duration value) {
      maxBackoff = value;
      return this;
    }

    public RequestLogSettings build() {
      return new RequestLogSettings(capacity, batchSize, flushInterval, retention, maxBackoff);
    }
  }
}
