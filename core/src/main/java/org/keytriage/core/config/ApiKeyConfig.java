package org.keytriage.core.config;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One API key as configured, with the guide's fields ({@code key_id, api_key, max_rpm, max_tpm,
 * priority, task_types, cost_per_token}) and KeyTriage's optional ones. Immutable; build with
 * {@link #builder(String)}.
 *
 * <p>Defaults of the optional fields: {@code base_url} {@value #DEFAULT_BASE_URL}, {@code weight}
 * 1.0, {@code is_active} true, {@code is_backup} false, {@code daily_budget} and {@code
 * monthly_budget} 0 (no budget).
 */
public final class ApiKeyConfig {
  /** NVIDIA's hosted, OpenAI-compatible API. */
  public static final String DEFAULT_BASE_URL = "https://integrate.api.nvidia.com";

  private final String keyId;
  private final Secret apiKey;
  private final long maxRpm;
  private final long maxTpm;
  private final int priority;
  private final Set<String> taskTypes;
  private final double costPerToken;
  private final String baseUrl;
  private final double weight;
  private final boolean active;
  private final boolean backup;
  private final double dailyBudget;
  private final double monthlyBudget;
  private final Instant rotatedAt;

  private ApiKeyConfig(Builder b) {
    this.keyId = b.keyId;
    this.apiKey = b.apiKey;
    this.maxRpm = b.maxRpm;
    this.maxTpm = b.maxTpm;
    this.priority = b.priority;
    this.taskTypes = Set.copyOf(new LinkedHashSet<>(b.taskTypes));
    this.costPerToken = b.costPerToken;
    this.baseUrl = b.baseUrl;
    this.weight = b.weight;
    this.active = b.active;
    this.backup = b.backup;
    this.dailyBudget = b.dailyBudget;
    this.monthlyBudget = b.monthlyBudget;
    this.rotatedAt = b.rotatedAt;
  }

  public static Builder builder(String keyId) {
    return new Builder(keyId);
  }

  public Builder toBuilder() {
    return new Builder(keyId)
        .apiKey(apiKey)
        .maxRpm(maxRpm)
        .maxTpm(maxTpm)
        .priority(priority)
        .taskTypes(taskTypes)
        .costPerToken(costPerToken)
        .baseUrl(baseUrl)
        .weight(weight)
        .active(active)
        .backup(backup)
        .rotatedAt(rotatedAt)
        .dailyBudget(dailyBudget)
        .monthlyBudget(monthlyBudget);
  }

  public String keyId() {
    return keyId;
  }

  public Secret apiKey() {
    return apiKey;
  }

  public long maxRpm() {
    return maxRpm;
  }

  public long maxTpm() {
    return maxTpm;
  }

  public int priority() {
    return priority;
  }

  /** The task types this key is specialised for; may be empty for a pure backup key. */
  public Set<String> taskTypes() {
    return taskTypes;
  }

  public double costPerToken() {
    return costPerToken;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public double weight() {
    return weight;
  }

  public boolean active() {
    return active;
  }

  /** A general-purpose backup key (the guide's {@code NVIDIA_API_KEY_BACKUP}): serves every task. */
  public boolean backup() {
    return backup;
  }

  /** Daily budget in cost units; 0 means none. */
  public double dailyBudget() {
    return dailyBudget;
  }

  /** Monthly budget in cost units; 0 means none. */
  public double monthlyBudget() {
    return monthlyBudget;
  }

  /** Whether this key may serve the task type: specialised for it, or a backup. */
  /**
   * When the secret was last set: the optional {@code rotated_at} of the configuration file, or
   * when it was added or rotated at run time; empty when unknown.
   */
  public Optional<Instant> rotatedAt() {
    return Optional.ofNullable(rotatedAt);
  }

  public boolean serves(String taskType) {
    return backup || taskTypes.contains(taskType);
  }

  /** Whether this key is specialised for the task type (listed in {@code task_types}). */
  public boolean specialisedFor(String taskType) {
    return taskTypes.contains(taskType);
  }

  @Override
  public String toString() {
    return "ApiKeyConfig[key_id="
        + keyId
        + ", api_key="
        + apiKey
        + ", max_rpm="
        + maxRpm
        + ", max_tpm="
        + maxTpm
        + ", priority="
        + priority
        + ", task_types="
        + taskTypes
        + ", backup="
        + backup
        + ", active="
        + active
        + "]";
  }

  /** Builder; see the class comment for the defaults. Validation is the loader's job. */
  public static final class Builder {
    private final String keyId;
    private Secret apiKey;
    private long maxRpm;
    private long maxTpm;
    private int priority = 1;
    private Set<String> taskTypes = Set.of();
    private double costPerToken;
    private String baseUrl = DEFAULT_BASE_URL;
    private double weight = 1.0;
    private boolean active = true;
    private boolean backup;
    private double dailyBudget;
    private double monthlyBudget;
    private Instant rotatedAt;

    private Builder(String keyId) {
      this.keyId = Objects.requireNonNull(keyId, "keyId");
    }

    public Builder apiKey(Secret value) {
      this.apiKey = value;
      return this;
    }

    public Builder apiKey(String value) {
      this.apiKey = Secret.of(value);
      return this;
    }

    public Builder maxRpm(long value) {
      this.maxRpm = value;
      return this;
    }

    public Builder maxTpm(long value) {
      this.maxTpm = value;
      return this;
    }

    public Builder priority(int value) {
      this.priority = value;
      return this;
    }

    public Builder taskTypes(Set<String> value) {
      this.taskTypes = new LinkedHashSet<>(value);
      return this;
    }

    public Builder taskTypes(String... value) {
      return taskTypes(new LinkedHashSet<>(List.of(value)));
    }

    public Builder costPerToken(double value) {
      this.costPerToken = value;
      return this;
    }

    public Builder baseUrl(String value) {
      this.baseUrl = value == null ? DEFAULT_BASE_URL : value;
      return this;
    }

    public Builder weight(double value) {
      this.weight = value;
      return this;
    }

    public Builder active(boolean value) {
      this.active = value;
      return this;
    }

    public Builder backup(boolean value) {
      this.backup = value;
      return this;
    }

    public Builder dailyBudget(double value) {
      this.dailyBudget = value;
      return this;
    }

    public Builder monthlyBudget(double value) {
      this.monthlyBudget = value;
      return this;
    }

    /** When the secret was last set; null when unknown. */
    public Builder rotatedAt(Instant value) {
      this.rotatedAt = value;
      return this;
    }

    public ApiKeyConfig build() {
      return new ApiKeyConfig(this);
    }
  }
}
