package org.keytriage.core.config.internal;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.keytriage.core.config.KeyTriageConfig;

/**
 * One load, start to end: env file, JSON, each key, the strategy fields, the cross-entry checks.
 * Every step records its problems in one {@link Problems}, and the load throws once at the end, so
 * the user sees all problems together. Only an unreadable or malformed file stops it early.
 */
public final class KeyTriageConfigReader {
  /** The top-level fields; any other is ignored with a warning. */
  public static final Set<String> TOP_LEVEL_FIELDS =
      Set.of("api_keys", "default_strategy", "task_strategies", "strategy_settings");

  /** Env file variables that hold secrets by name; values of others (URLs, ids) may be echoed. */
  private static final Pattern SECRET_NAME =
      Pattern.compile(".*(KEY|SECRET|TOKEN|PASSWORD|PASSWD|CREDENTIAL).*", Pattern.CASE_INSENSITIVE);

  private final Map<String, String> environment;
  private final Set<String> knownTaskTypes;
  private final Set<String> knownStrategies;

  public KeyTriageConfigReader(
      Map<String, String> environment, Set<String> knownTaskTypes, Set<String> knownStrategies) {
    this.environment = environment;
    this.knownTaskTypes = knownTaskTypes;
    this.knownStrategies = knownStrategies;
  }

  /** The config and the warnings of a successful load. */
  public record Loaded(KeyTriageConfig config, List<String> warnings) {}

  /**
   * @param envFile the env file, or null for none
   * @throws org.keytriage.core.config.ConfigException with every problem found
   */
  public Loaded read(Path configFile, Path envFile) {
    String display = configFile.toString();
    EnvFile env = envFile == null ? EnvFile.none() : EnvFile.read(envFile);
    JsonObject root = JsonConfigReader.read(configFile, display);
    return read(root, display, env);
  }

  /** Reads an already parsed config; {@code display} names the file in messages. */
  public Loaded read(JsonObject root, String display, EnvFile env) {
    Problems problems = new Problems(display);
    env.values()
        .forEach(
            (name, value) -> {
              // A key in the env file must never show up, even one no api_key refers to (yet).
              if (SECRET_NAME.matcher(name).matches()) {
                problems.secret(value);
              }
            });
    if (!env.skippedLines().isEmpty()) {
      problems.warnLine(
          env.name() + ": lines " + env.skippedLines() + " are not NAME=value and were skipped."
              + " Fix: write them as NAME=value, or start them with # to mark a comment.");
    }
    VariableResolver resolver = new VariableResolver(environment, env);
    KeyTriageConfig.Builder builder = KeyTriageConfig.builder().source(display);

    List<ParsedKey> keys = readKeys(root, problems, resolver);
    keys.stream().filter(k -> k.config() != null).forEach(k -> builder.addKey(k.config()));
    new StrategySectionReader(problems, resolver, knownTaskTypes, knownStrategies)
        .read(root, builder);
    new ConfigValidator(problems, knownTaskTypes).check(keys);
    new FieldReader(root, KeyRef.FILE, problems, resolver)
        .warnUnknownFields(TOP_LEVEL_FIELDS, "the top level");

    problems.throwIfAny();
    return new Loaded(builder.build(), problems.warnings());
  }

  private List<ParsedKey> readKeys(JsonObject root, Problems problems, VariableResolver resolver) {
    String fix =
        "add \"api_keys\": [ {\"key_id\": ..., \"api_key\": \"${NVIDIA_API_KEY_...}\", \"max_rpm\":"
            + " ..., \"max_tpm\": ..., \"priority\": ..., \"task_types\": [...],"
            + " \"cost_per_token\": ...} ] (see the guide's JSON Configuration section)";
    JsonValue value = root.get("api_keys");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      problems.error(KeyRef.FILE, "api_keys", "api_keys is missing", fix);
      return List.of();
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      problems.error(
          KeyRef.FILE,
          "api_keys",
          "api_keys must be an array of key objects, but is " + JsonConfigReader.describe(value),
          fix);
      return List.of();
    }
    JsonArray array = (JsonArray) value;
    if (array.isEmpty()) {
      problems.error(
          KeyRef.FILE,
          "api_keys",
          "api_keys is empty, so no request could be routed",
          "add at least one key to api_keys, e.g. {\"key_id\": \"medical_text_primary\", ...}");
      return List.of();
    }
    ApiKeyEntryReader entries = new ApiKeyEntryReader(problems, resolver, knownTaskTypes);
    List<ParsedKey> keys = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      keys.add(entries.read(array.get(i), i));
    }
    return keys;
  }
}
