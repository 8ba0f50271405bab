package org.keytriage.core.config.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;

/**
 * Checks a configuration made with the builders rather than read from a file: the same rules the
 * file reader applies per field, with the builder's {@link KeyTriageConfig#source()} as the file.
 */
public final class BuiltConfigValidator {
  private final Set<String> knownTaskTypes;
  private final Set<String> knownStrategies;

  public BuiltConfigValidator(Set<String> knownTaskTypes, Set<String> knownStrategies) {
    this.knownTaskTypes = Set.copyOf(knownTaskTypes);
    this.knownStrategies = Set.copyOf(knownStrategies);
  }

  /** @throws org.keytriage.core.config.ConfigException listing every problem */
  public void check(KeyTriageConfig config) {
    Problems problems = new Problems(config.source());
    List<ParsedKey> parsed = new ArrayList<>();
    List<ApiKeyConfig> keys = config.apiKeys();
    if (keys.isEmpty()) {
      problems.error(KeyRef.FILE, "api_keys", "no API key is configured", "add at least one key");
    }
    for (int i = 0; i < keys.size(); i++) {
      ApiKeyConfig k = keys.get(i);
      KeyRef where = KeyRef.entry(i).withKeyId(k.keyId());
      parsed.add(new ParsedKey(i, k.keyId(), k));
      if (k.apiKey() == null) {
        problems.error(where, "api_key", "api_key is missing", "set the key's secret with apiKey(...)");
      } else {
        problems.secret(k.apiKey().reveal());
      }
      if (k.maxRpm() <= 0) {
        problems.error(where, "max_rpm", "max_rpm must be a positive whole number, was " + k.maxRpm(), "set the key's requests-per-minute limit, e.g. 1000");
      }
      if (k.maxTpm() <= 0) {
        problems.error(where, "max_tpm", "max_tpm must be a positive whole number, was " + k.maxTpm(), "set the key's tokens-per-minute limit, e.g. 50000");
      }
      if (!(k.costPerToken() >= 0)) {
        problems.error(where, "cost_per_token", "cost_per_token must not be negative", "use 0 or a positive price per token");
      }
      if (!(k.weight() > 0)) {
        problems.error(where, "weight", "weight must be greater than 0", "use a positive weight, e.g. 1");
      }
      if (k.taskTypes().isEmpty() && !k.backup()) {
        problems.error(where, "task_types", "task_types is empty", "list the task types the key serves, or mark it is_backup");
      }
      for (String task : k.taskTypes()) {
        if (!knownTaskTypes.contains(task)) {
          problems.error(where, "task_types", "unknown task type '" + task + "'", "use one of " + new TreeSet<>(knownTaskTypes));
        }
      }
    }
    checkStrategy(problems, "default_strategy", config.defaultStrategy());
    config.taskStrategies().forEach((task, strategy) -> {
      if (!knownTaskTypes.contains(task)) {
        problems.error(KeyRef.FILE, "task_strategies", "unknown task type '" + task + "'", "use one of " + new TreeSet<>(knownTaskTypes));
      }
      checkStrategy(problems, "task_strategies." + task, strategy);
    });
    new ConfigValidator(problems, knownTaskTypes).check(parsed);
    problems.throwIfAny();
  }

  private void checkStrategy(Problems problems, String field, String id) {
    if (!knownStrategies.contains(id)) {
      problems.error(KeyRef.FILE, field, "unknown strategy '" + id + "'", "use one of " + new TreeSet<>(knownStrategies));
    }
  }
}
