package org.keytriage.spi;

/**
 * What a task handler tells the router about one request.
 *
 * @param latencySensitive prefer fast keys: the lowest-latency key with room comes first within
 *     its tier (keys without latency samples after those with)
 * @param costSensitive prefer cheap keys (batch work): the cheapest key with room first; wins over
 *     the wish for speed
 * @param streaming the upstream answer is relayed as a stream; routed like {@code
 *     latencySensitive}, since a stream's reader waits for the first token
 * @param clinicalPriority how urgent the work is
 * @param estimatedTokens tokens to reserve before the call (prompt estimate plus the completion
 *     budget); settled with the real count afterwards. Must be {@code >= 0}.
 */
public record RoutingHints(
    boolean latencySensitive,
    boolean costSensitive,
    boolean streaming,
    ClinicalPriority clinicalPriority,
    long estimatedTokens) {

  /** Defaults: not latency- or cost-sensitive, not streaming, NORMAL priority, 0 tokens. */
  public static final RoutingHints DEFAULT =
      new RoutingHints(false, false, false, ClinicalPriority.NORMAL, 0);

  public RoutingHints {
    if (clinicalPriority == null) {
      throw new IllegalArgumentException("clinicalPriority must not be null");
    }
    if (estimatedTokens < 0) {
      throw new IllegalArgumentException("estimatedTokens must be >= 0, was " + estimatedTokens);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public static RoutingHints ofTokens(long estimatedTokens) {
    return builder().estimatedTokens(estimatedTokens).build();
  }

  public Builder toBuilder() {
    return new Builder()
        .latencySensitive(latencySensitive)
        .costSensitive(costSensitive)
        .streaming(streaming)
        .clinicalPriority(clinicalPriority)
        .estimatedTokens(estimatedTokens);
  }

  /** Builder; every field starts at the {@link #DEFAULT} value. */
  public static final class Builder {
    private boolean latencySensitive;
    private boolean costSensitive;
    private boolean streaming;
    private ClinicalPriority clinicalPriority = ClinicalPriority.NORMAL;
    private long estimatedTokens;

    private Builder() {}

    public Builder latencySensitive(boolean value) {
      this.latencySensitive = value;
      return this;
    }

    public Builder costSensitive(boolean value) {
      this.costSensitive = value;
      return this;
    }

    public Builder streaming(boolean value) {
      this.streaming = value;
      return this;
    }

    public Builder clinicalPriority(ClinicalPriority value) {
      this.clinicalPriority = value;
      return this;
    }

    public Builder estimatedTokens(long value) {
      this.estimatedTokens = value;
      return this;
    }

    public RoutingHints build() {
      return new RoutingHints(
          latencySensitive, costSensitive, streaming, clinicalPriority, estimatedTokens);
    }
  }
}
