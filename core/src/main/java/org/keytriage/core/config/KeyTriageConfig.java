package org.keytriage.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole key configuration: the keys, which strategy each task type uses, and strategy
 * settings. Immutable; build with {@link #builder()} or load with {@link ConfigLoader}.
 *
 * <p>Defaults: {@code default_strategy} {@value #DEFAULT_STRATEGY} for every task type without an
 * entry in {@code task_strategies}; no strategy settings.
 */
public final class KeyTriageConfig {
  public static final String DEFAULT_STRATEGY = "round_robin";

  private final List<ApiKeyConfig> apiKeys;
  private final String defaultStrategy;
  private final Map<String, String> taskStrategies;
  private final Map<String, Map<String, String>> strategySettings;
  private final String source;

  private KeyTriageConfig(Builder b) {
    this.apiKeys = List.copyOf(b.apiKeys);
    this.defaultStrategy = b.defaultStrategy;
    this.taskStrategies = Map.copyOf(b.taskStrategies);
    Map<String, Map<String, String>> settings = new LinkedHashMap<>();
    b.strategySettings.forEach((k, v) -> settings.put(k, Map.copyOf(v)));
    this.strategySettings = Map.copyOf(settings);
    this.source = b.source;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder().defaultStrategy(defaultStrategy).source(source);
    apiKeys.forEach(b::addKey);
    taskStrategies.forEach(b::strategy);
    strategySettings.forEach(b::strategySettings);
    return b;
  }

  /** The same configuration with {@code keys} instead of its keys (a catalogue changed at run time). */
  public KeyTriageConfig withKeys(List<ApiKeyConfig> keys) {
    Builder b = new Builder().defaultStrategy(defaultStrategy).source("keys changed at run time");
    keys.forEach(b::addKey);
    taskStrategies.forEach(b::strategy);
    strategySettings.forEach(b::strategySettings);
    return b.build();
  }

  public List<ApiKeyConfig> apiKeys() {
    return apiKeys;
  }

  public String defaultStrategy() {
    return defaultStrategy;
  }

  /** Explicit strategy per task type; task types not listed use {@link #defaultStrategy()}. */
  public Map<String, String> taskStrategies() {
    return taskStrategies;
  }

  public String strategyFor(String taskType) {
    return taskStrategies.getOrDefault(taskType, defaultStrategy);
  }

  /** Settings per strategy id, handed to the strategy's factory. */
  public Map<String, Map<String, String>> strategySettings() {
    return strategySettings;
  }

  /** Where the config came from (a file path, or "builder"), for error messages. */
  public String source() {
    return source;
  }

  /** Builder; see the class comment for defaults. */
  public static final class Builder {
    private final List<ApiKeyConfig> apiKeys = new ArrayList<>();
    private String defaultStrategy = DEFAULT_STRATEGY;
    private final Map<String, String> taskStrategies = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> strategySettings = new LinkedHashMap<>();
    private String source = "builder";

    private Builder() {}

    public Builder addKey(ApiKeyConfig key) {
      apiKeys.add(key);
      return this;
    }

    public Builder defaultStrategy(String id) {
      this.defaultStrategy = id;
      return this;
    }

    public Builder strategy(String taskType, String strategyId) {
      taskStrategies.put(taskType, strategyId);
      return this;
    }

    public Builder strategySettings(String strategyId, Map<String, String> settings) {
      strategySettings.put(strategyId, new LinkedHashMap<>(settings));
      return this;
    }

    public Builder source(String value) {
      this.source = value;
      return this;
    }

    public KeyTriageConfig build() {
      return new KeyTriageConfig(this);
    }
  }
}
