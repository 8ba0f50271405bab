package org.keytriage.core.config.internal;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.keytriage.core.config.KeyTriageConfig;

/**
 * Reads the top-level strategy fields: {@code default_strategy} (default {@value
 * KeyTriageConfig#DEFAULT_STRATEGY}), {@code task_strategies} (task type → strategy id) and {@code
 * strategy_settings} (strategy id → setting → value).
 *
 * <p>Strategy ids must be available now, not at the first request: a typo in a strategy id would
 * otherwise surface as routing failures in production. Settings for a strategy that is not
 * available are only a warning, since they are harmless and a plugin may be installed later.
 * Setting values may be strings, numbers or booleans and are handed to the strategy as text; the
 * strategy's factory validates them against its own metadata.
 */
public final class StrategySectionReader {
  private final Problems problems;
  private final VariableResolver resolver;
  private final Set<String> knownTaskTypes;
  private final Set<String> knownStrategies;

  public StrategySectionReader(
      Problems problems,
      VariableResolver resolver,
      Set<String> knownTaskTypes,
      Set<String> knownStrategies) {
    this.problems = problems;
    this.resolver = resolver;
    this.knownTaskTypes = Set.copyOf(knownTaskTypes);
    this.knownStrategies = Set.copyOf(knownStrategies);
  }

  public void read(JsonObject root, KeyTriageConfig.Builder builder) {
    readDefaultStrategy(root, builder);
    readTaskStrategies(root, builder);
    readStrategySettings(root, builder);
  }

  private void readDefaultStrategy(JsonObject root, KeyTriageConfig.Builder builder) {
    FieldReader f = new FieldReader(root, KeyRef.FILE, problems, resolver);
    String fix = "set default_strategy to one of: " + Suggestions.listOf(knownStrategies);
    if (!f.has("default_strategy")) {
      if (!knownStrategies.contains(KeyTriageConfig.DEFAULT_STRATEGY)) {
        problems.error(
            KeyRef.FILE,
            "default_strategy",
            "default_strategy is not set, and its default '"
                + KeyTriageConfig.DEFAULT_STRATEGY
                + "' is not available",
            fix);
      }
      return;
    }
    f.string("default_strategy", true, false, fix)
        .filter(id -> checkStrategy(id, "default_strategy", fix))
        .ifPresent(builder::defaultStrategy);
  }

  private void readTaskStrategies(JsonObject root, KeyTriageConfig.Builder builder) {
    JsonObject section = object(root, "task_strategies", "{\"batch_processing\": \"least_loaded\"}");
    if (section == null) {
      return;
    }
    for (Map.Entry<String, JsonValue> e : section.entrySet()) {
      String taskType = e.getKey();
      String field = "task_strategies." + taskType;
      String fix = "use one of: " + Suggestions.listOf(knownStrategies);
      if (!knownTaskTypes.contains(taskType)) {
        problems.error(
            KeyRef.FILE,
            field,
            field + " is for unknown task type '" + taskType + "'"
                + Suggestions.didYouMean(taskType, knownTaskTypes),
            "use one of: " + Suggestions.listOf(knownTaskTypes) + "; or remove the entry");
        continue;
      }
      JsonValue value = e.getValue();
      if (value.getValueType() != JsonValue.ValueType.STRING) {
        problems.error(
            KeyRef.FILE,
            field,
            field + " must be a strategy id string, but is " + JsonConfigReader.describe(value),
            fix);
        continue;
      }
      String id =
          resolver.resolve(((JsonString) value).getString(), KeyRef.FILE, field, false, problems);
      if (id != null && checkStrategy(id, field, fix)) {
        builder.strategy(taskType, id);
      }
    }
  }

  private void readStrategySettings(JsonObject root, KeyTriageConfig.Builder builder) {
    JsonObject section =
        object(root, "strategy_settings", "{\"least_loaded\": {\"window_seconds\": 60}}");
    if (section == null) {
      return;
    }
    for (Map.Entry<String, JsonValue> e : section.entrySet()) {
      String strategyId = e.getKey();
      String field = "strategy_settings." + strategyId;
      if (e.getValue().getValueType() != JsonValue.ValueType.OBJECT) {
        problems.error(
            KeyRef.FILE,
            field,
            field + " must be an object of settings, but is "
                + JsonConfigReader.describe(e.getValue()),
            "write it as {\"<setting>\": <value>, ...}");
        continue;
      }
      if (!knownStrategies.contains(strategyId)) {
        problems.warn(
            KeyRef.FILE,
            "strategy_settings has settings for strategy '" + strategyId
                + "', which is not available; they are ignored"
                + Suggestions.didYouMean(strategyId, knownStrategies),
            "correct the id, or install the plugin; available: "
                + Suggestions.listOf(knownStrategies));
      }
      Map<String, String> settings = new LinkedHashMap<>();
      for (Map.Entry<String, JsonValue> setting : ((JsonObject) e.getValue()).entrySet()) {
        String settingField = field + "." + setting.getKey();
        String text = settingText(setting.getValue(), settingField);
        if (text != null) {
          settings.put(setting.getKey(), text);
        }
      }
      builder.strategySettings(strategyId, settings);
    }
  }

  private String settingText(JsonValue value, String field) {
    switch (value.getValueType()) {
      case STRING:
        return resolver.resolve(((JsonString) value).getString(), KeyRef.FILE, field, false, problems);
      case NUMBER:
      case TRUE:
      case FALSE:
        return value.toString();
      default:
        problems.error(
            KeyRef.FILE,
            field,
            field + " must be a string, number or boolean, but is "
                + JsonConfigReader.describe(value),
            "write a single value, e.g. 60, 0.5, true or \"fast\"");
        return null;
    }
  }

  private boolean checkStrategy(String id, String field, String fix) {
    if (knownStrategies.contains(id)) {
      return true;
    }
    problems.error(
        KeyRef.FILE,
        field,
        field + " names unknown strategy '" + id + "'" + Suggestions.didYouMean(id, knownStrategies),
        fix);
    return false;
  }

  private JsonObject object(JsonObject root, String name, String example) {
    JsonValue v = root.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
      problems.error(
          KeyRef.FILE,
          name,
          name + " must be an object, but is " + JsonConfigReader.describe(v),
          "write it as an object, e.g. \"" + name + "\": " + example);
      return null;
    }
    return (JsonObject) v;
  }
}
