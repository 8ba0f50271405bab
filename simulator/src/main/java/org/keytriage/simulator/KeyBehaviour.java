package org.keytriage.simulator;

import java.util.List;
import java.util.Objects;

/**
 * How the simulator treats requests made with one API key: its own rate limits, latency and the
 * faults it injects. Immutable; build one with {@link #builder()} or change one with {@link
 * #toBuilder()}. In a scenario file each component has a snake_case name (given below).
 *
 * <p>The order of evaluation for one request is: revoked (401), {@code always_429}, the rolling
 * rate limiter (429), then, for an admitted request, the hang, the latency, the injected error and
 * finally the answer (with a stream possibly broken).
 *
 * @param label {@code label}: the name the key is known by in the witness log and admin endpoints;
 *     {@code null} (the default) means "…" followed by the key's last four characters, so that the
 *     raw key is never echoed
 * @param rpm {@code rpm}: requests the key may make in any rolling 60 s window; default 0 =
 *     unlimited
 * @param tpm {@code tpm}: tokens the key may use in any rolling 60 s window; default 0 = unlimited
 * @param latencyMs {@code latency_ms}: fixed delay before an admitted request is answered; default
 *     0
 * @param jitterMs {@code jitter_ms}: extra delay drawn uniformly from [0, jitter] with the
 *     scenario's seed; default 0
 * @param errorRate {@code error_rate}: share of admitted requests, 0..1, answered with an error
 *     status instead; drawn with the scenario's seed, so the same request sequence fails the same
 *     way each run; default 0
 * @param errorStatuses {@code error_statuses}: the 5xx statuses an injected error picks from,
 *     uniformly; default 500, 502, 503
 * @param hang {@code hang}: accept the request and send nothing; default false
 * @param hangMs {@code hang_ms}: with {@code hang}, answer normally after this long; default 0 =
 *     never answer (the connection is dropped when the simulator closes, or after {@link
 *     SimulatorConfig#maxHang()})
 * @param revoked {@code revoked}: answer 401 as for a revoked key; default false
 * @param breakStreamAfterChunks {@code break_stream_after_chunks}: for a streamed chat completion,
 *     drop the connection after this many {@code data:} events and never send {@code [DONE]};
 *     default 0 = never break
 * @param always429 {@code always_429}: answer every request 429 with {@code Retry-After: 60};
 *     default false
 * @param streamChunkDelayMs {@code stream_chunk_delay_ms}: pause between streamed events, to make
 *     streams visibly incremental; default 0
 */
public record KeyBehaviour(
    String label,
    long rpm,
    long tpm,
    long latencyMs,
    long jitterMs,
    double errorRate,
    List<Integer> errorStatuses,
    boolean hang,
    long hangMs,
    boolean revoked,
    int breakStreamAfterChunks,
    boolean always429,
    long streamChunkDelayMs) {

  /** The statuses an injected error picks from unless told otherwise. */
  public static final List<Integer> DEFAULT_ERROR_STATUSES = List.of(500, 502, 503);

  private static final KeyBehaviour DEFAULTS = builder().build();

  public KeyBehaviour {
    if (label != null && label.isBlank()) {
      throw new IllegalArgumentException("label must not be blank");
    }
    requireNotNegative("rpm", rpm);
    requireNotNegative("tpm", tpm);
    requireNotNegative("latency_ms", latencyMs);
    requireNotNegative("jitter_ms", jitterMs);
    requireNotNegative("hang_ms", hangMs);
    requireNotNegative("break_stream_after_chunks", breakStreamAfterChunks);
    requireNotNegative("stream_chunk_delay_ms", streamChunkDelayMs);
    if (!(errorRate >= 0.0 && errorRate <= 1.0)) {
      throw new IllegalArgumentException("error_rate must be within 0..1 (was " + errorRate + ")");
    }
    errorStatuses = List.copyOf(Objects.requireNonNull(errorStatuses, "error_statuses"));
    if (errorStatuses.isEmpty()) {
      throw new IllegalArgumentException("error_statuses must name at least one status");
    }
    for (int status : errorStatuses) {
      if (status < 500 || status > 599) {
        throw new IllegalArgumentException(
            "error_statuses must be 5xx statuses such as 500, 502, 503 (was " + status + ")");
      }
    }
  }

  /** Everything at its default: unlimited, instant, faultless, no label. */
  public static KeyBehaviour defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** This behaviour under another label. */
  public KeyBehaviour withLabel(String newLabel) {
    return toBuilder().label(newLabel).build();
  }

  private static void requireNotNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0 (was " + value + ")");
    }
  }

  /** Builds a {@link KeyBehaviour}; every setting starts at the default documented above. */
  public static final class Builder {
    private String label;
    private long rpm;
    private long tpm;
    private long latencyMs;
    private long jitterMs;
    private double errorRate;
    private List<Integer> errorStatuses = DEFAULT_ERROR_STATUSES;
    private boolean hang;
    private long hangMs;
    private boolean revoked;
    private int breakStreamAfterChunks;
    private boolean always429;
    private long streamChunkDelayMs;

    private Builder() {}

    private Builder(KeyBehaviour b) {
      label = b.label;
      rpm = b.rpm;
      tpm = b.tpm;
      latencyMs = b.latencyMs;
      jitterMs = b.jitterMs;
      errorRate = b.errorRate;
      errorStatuses = b.errorStatuses;
      hang = b.hang;
      hangMs = b.hangMs;
      revoked = b.revoked;
      breakStreamAfterChunks = b.breakStreamAfterChunks;
      always429 = b.always429;
      streamChunkDelayMs = b.streamChunkDelayMs;
    }

    public Builder label(String value) {
      label = value;
      return this;
    }

    public Builder rpm(long value) {
      rpm = value;
      return this;
    }

    public Builder tpm(long value) {
      tpm = value;
      return this;
    }

    public Builder latencyMs(long value) {
      latencyMs = value;
      return this;
    }

    public Builder jitterMs(long value) {
      jitterMs = value;
      return this;
    }

    public Builder errorRate(double value) {
      errorRate = value;
      return this;
    }

    public Builder errorStatuses(List<Integer> value) {
      errorStatuses = value;
      return this;
    }

    public Builder hang(boolean value) {
      hang = value;
      return this;
    }

    public Builder hangMs(long value) {
      hangMs = value;
      return this;
    }

    public Builder revoked(boolean value) {
      revoked = value;
      return this;
    }

    public Builder breakStreamAfterChunks(int value) {
      breakStreamAfterChunks = value;
      return this;
    }

    public Builder always429(boolean value) {
      always429 = value;
      return this;
    }

    public Builder streamChunkDelayMs(long value) {
      streamChunkDelayMs = value;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public KeyBehaviour build() {
      return new KeyBehaviour(
          label,
          rpm,
          tpm,
          latencyMs,
          jitterMs,
          errorRate,
          errorStatuses,
          hang,
          hangMs,
          revoked,
          breakStreamAfterChunks,
          always429,
          streamChunkDelayMs);
    }
  }
}
