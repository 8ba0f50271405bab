package org.keytriage.spi;

/**
 * The live view of one key that a {@link BalancingStrategy} orders. Immutable; taken when the
 * request is routed, so a strategy never sees a key change under it.
 *
 * @param keyId the key's {@code key_id}
 * @param tier specialised for this task type, or a general-purpose backup
 * @param priority higher is preferred by the {@code priority} strategy (the guide's "5 = highest")
 * @param weight relative share for the {@code weighted} strategy, {@code > 0}
 * @param costPerToken price of one token in the deployment's currency, {@code >= 0}
 * @param maxRpm requests-per-minute limit, {@code > 0}
 * @param maxTpm tokens-per-minute limit, {@code > 0}
 * @param currentRpm requests admitted in the current rolling 60 s window
 * @param currentTpm tokens admitted in the current rolling 60 s window
 * @param latencyMillis smoothed (EWMA) response time, or {@code -1} when the key has no samples yet
 * @param successRate share of successful calls, 0..1 ({@code 1} when the key has no calls yet)
 * @param healthScore 0..100, 100 is healthy
 * @param budgetUtilisation share of the tightest budget spent, 0..1 (0 when no budget applies)
 */
public record CandidateKey(
    String keyId,
    KeyTier tier,
    int priority,
    double weight,
    double costPerToken,
    long maxRpm,
    long maxTpm,
    long currentRpm,
    long currentTpm,
    double latencyMillis,
    double successRate,
    double healthScore,
    double budgetUtilisation) {

  public CandidateKey {
    if (keyId == null || keyId.isBlank()) {
      throw new IllegalArgumentException("keyId must not be blank");
    }
    if (tier == null) {
      throw new IllegalArgumentException("tier must not be null");
    }
    if (maxRpm <= 0 || maxTpm <= 0) {
      throw new IllegalArgumentException("limits must be positive for key " + keyId);
    }
  }

  /** Share of the RPM limit in use, 0..1 (may exceed 1 briefly after a settle). */
  public double rpmUtilisation() {
    return (double) currentRpm / maxRpm;
  }

  /** Share of the TPM limit in use, 0..1 (may exceed 1 briefly after a settle). */
  public double tpmUtilisation() {
    return (double) currentTpm / maxTpm;
  }

  /** The tighter of the two utilisations: the key is as full as its fullest limit. */
  public double utilisation() {
    return Math.max(rpmUtilisation(), tpmUtilisation());
  }

  /** Whether the key has no latency samples yet. */
  public boolean latencyUnknown() {
    return latencyMillis < 0;
  }

  public static Builder builder(String keyId) {
    return new Builder(keyId);
  }

  public Builder toBuilder() {
    return new Builder(keyId)
        .tier(tier)
        .priority(priority)
        .weight(weight)
        .costPerToken(costPerToken)
        .limits(maxRpm, maxTpm)
        .usage(currentRpm, currentTpm)
        .latencyMillis(latencyMillis)
        .successRate(successRate)
        .healthScore(healthScore)
        .budgetUtilisation(budgetUtilisation);
  }

  /**
   * Builder. Defaults: SPECIALISED, priority 1, weight 1, cost 0, limits 60 RPM / 60,000 TPM, no
   * usage, latency unknown, success rate 1, health 100, no budget used.
   */
  public static final class Builder {
    private final String keyId;
    private KeyTier tier = KeyTier.SPECIALISED;
    private int priority = 1;
    private double weight = 1;
    private double costPerToken;
    private long maxRpm = 60;
    private long maxTpm = 60_000;
    private long currentRpm;
    private long currentTpm;
    private double latencyMillis = -1;
    private double successRate = 1;
    private double healthScore = 100;
    private double budgetUtilisation;

    private Builder(String keyId) {
      this.keyId = keyId;
    }

    public Builder tier(KeyTier value) {
      this.tier = value;
      return this;
    }

    public Builder priority(int value) {
      this.priority = value;
      return this;
    }

    public Builder weight(double value) {
      this.weight = value;
      return this;
    }

    public Builder costPerToken(double value) {
      this.costPerToken = value;
      return this;
    }

    public Builder limits(long maxRpm, long maxTpm) {
      this.maxRpm = maxRpm;
      this.maxTpm = maxTpm;
      return this;
    }

    public Builder usage(long currentRpm, long currentTpm) {
      this.currentRpm = currentRpm;
      this.currentTpm = currentTpm;
      return this;
    }

    public Builder latencyMillis(double value) {
      this.latencyMillis = value;
      return this;
    }

    public Builder successRate(double value) {
      this.successRate = value;
      return this;
    }

    public Builder healthScore(double value) {
      this.healthScore = value;
      return this;
    }

    public Builder budgetUtilisation(double value) {
      this.budgetUtilisation = value;
      return this;
    }

    public CandidateKey build() {
      return new CandidateKey(
          keyId,
          tier,
          priority,
          weight,
          costPerToken,
          maxRpm,
          maxTpm,
          currentRpm,
          currentTpm,
          latencyMillis,
          successRate,
          healthScore,
          budgetUtilisation);
    }
  }
}
