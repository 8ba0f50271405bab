package org.keytriage.web.console.internal;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.keytriage.core.accounting.KeyMetrics;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.web.ops.internal.KeyViews;

/**
 * One key as the console's tables and gauges show it: configuration with the secret masked, live
 * usage against the limits and its state. A snapshot, read again for each page or poll (so never
 * kept in a replicated session); never the secret.
 */
public final class KeyRow {

  private final String keyId;
  private final String maskedSecret;
  private final List<String> taskTypes;
  private final boolean backup;
  private final int priority;
  private final double weight;
  private final double costPerToken;
  private final String baseUrl;
  private final long maxRpm;
  private final long maxTpm;
  private final double dailyBudget;
  private final double monthlyBudget;
  private final Instant rotatedAt;
  private final KeyMetrics m;

  public KeyRow(ApiKeyConfig k, KeyMetrics metrics) {
    this.keyId = k.keyId();
    this.maskedSecret = k.apiKey() == null ? "" : k.apiKey().masked();
    this.taskTypes = List.copyOf(new TreeSet<>(k.taskTypes()));
    this.backup = k.backup();
    this.priority = k.priority();
    this.weight = k.weight();
    this.costPerToken = k.costPerToken();
    this.baseUrl = KeyViews.withoutUserInfo(k.baseUrl());
    this.maxRpm = k.maxRpm();
    this.maxTpm = k.maxTpm();
    this.dailyBudget = k.dailyBudget();
    this.monthlyBudget = k.monthlyBudget();
    this.rotatedAt = k.rotatedAt().orElse(null);
    this.m = metrics;
  }

  /** Every key of the engine, in configuration order, with its figures now. */
  public static java.util.List<KeyRow> all(org.keytriage.core.KeyTriage keyTriage) {
    java.util.List<KeyRow> out = new java.util.ArrayList<>();
    for (KeyMetrics m : keyTriage.keyMetrics()) {
      out.add(new KeyRow(keyTriage.key(m.keyId()), m));
    }
    return out;
  }

  public String getKeyId() {
    return keyId;
  }

  public String getMaskedSecret() {
    return maskedSecret;
  }

  public List<String> getTaskTypes() {
    return taskTypes;
  }

  public String getTaskTypeList() {
    return backup ? "backup for all" + (taskTypes.isEmpty() ? "" : "; " + String.join(", ", taskTypes))
        : String.join(", ", taskTypes);
  }

  public boolean isBackup() {
    return backup;
  }

  public int getPriority() {
    return priority;
  }

  public double getWeight() {
    return weight;
  }

  public double getCostPerToken() {
    return costPerToken;
  }

  public String getBaseUrl() {
    return baseUrl;
  }

  public long getMaxRpm() {
    return maxRpm;
  }

  public long getMaxTpm() {
    return maxTpm;
  }

  public long getCurrentRpm() {
    return m.currentRpm();
  }

  public long getCurrentTpm() {
    return m.currentTpm();
  }

  public int getRpmPercent() {
    return percent(m.currentRpm(), maxRpm);
  }

  public int getTpmPercent() {
    return percent(m.currentTpm(), maxTpm);
  }

  /** 0 when the key has no daily budget. */
  public double getDailyBudget() {
    return dailyBudget;
  }

  /** 0 when the key has no monthly budget. */
  public double getMonthlyBudget() {
    return monthlyBudget;
  }

  public double getDailySpend() {
    return m.dailySpend();
  }

  public double getMonthlySpend() {
    return m.monthlySpend();
  }

  public Instant getRotatedAt() {
    return rotatedAt;
  }

  public String getStatus() {
    return m.status();
  }

  /** PrimeFaces severity for the status tag. */
  public String getSeverity() {
    return switch (m.status()) {
      case "available" -> "success";
      case "cooling_down", "over_budget" -> "warning";
      case "inactive" -> "secondary";
      default -> "danger";
    };
  }

  public boolean isActive() {
    return m.active();
  }

  public boolean isUsable() {
    return m.usable();
  }

  public boolean isQuarantined() {
    return m.quarantined();
  }

  public String getCircuit() {
    return m.circuitState().name().toLowerCase(java.util.Locale.ROOT);
  }

  public long getCooldownSeconds() {
    return (m.cooldownRemainingMillis() + 999) / 1000;
  }

  public long getTotalRequests() {
    return m.totalRequests();
  }

  public double getSuccessRate() {
    return m.successRate();
  }

  /** 0..100, a gauge's fill; a usage above the limit shows full. */
  static int percent(long used, long limit) {
    if (limit <= 0) {
      return 0;
    }
    return (int) Math.min(100, Math.round(100.0 * used / limit));
  }
}
