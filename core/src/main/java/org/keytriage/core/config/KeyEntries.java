package org.keytriage.core.config;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.keytriage.core.config.internal.ApiKeyEntryReader;
import org.keytriage.core.config.internal.EnvFile;
import org.keytriage.core.config.internal.JsonConfigReader;
import org.keytriage.core.config.internal.ParsedKey;
import org.keytriage.core.config.internal.Problems;
import org.keytriage.core.config.internal.VariableResolver;
import org.keytriage.core.json.JsonTrees;

/**
 * One key as a JSON object in the guide's field names ({@code key_id}, {@code api_key}, {@code
 * max_rpm}, …), read with the configuration loader's own checks and messages (field and fix, never
 * the secret): what the operators' API takes to add or change a key, and how the stores write a
 * key without its secret.
 */
public final class KeyEntries {
  /** Fields a change may not carry: the id is the key's name, the secret changes by rotation. */
  private static final Set<String> NOT_CHANGEABLE = Set.of("key_id", "api_key", "rotated_at");

  private KeyEntries() {}

  /**
   * A new key from a JSON object.
   *
   * @param source what to call the text in messages, e.g. {@code request body}
   * @throws ConfigException naming each field that is missing or not usable and how to fix it
   */
  public static ApiKeyConfig read(String json, Set<String> knownTaskTypes, String source) {
    JsonObject entry = JsonConfigReader.parse(json, source);
    JsonValue secret = entry.get("api_key");
    if (secret != null && secret.getValueType() == JsonValue.ValueType.STRING
        && ((jakarta.json.JsonString) secret).getString().contains("${")) {
      throw new ConfigException(source, keyIdOf(entry), "api_key", source + ": api_key must be the secret itself; "
          + "${VAR} references are resolved only in the configuration file's .env.api_keys");
    }
    return readEntry(entry, knownTaskTypes, source);
  }

  /**
   * {@code current} with the fields of {@code changesJson} replaced (limits, priority, task types,
   * cost, budgets, base URL, weight, is_active, is_backup), checked as a whole as the loader checks
   * a key.
   *
   * @throws ConfigException naming the field, for a value that is not usable, for {@code key_id}
   *     or {@code rotated_at}, and for {@code api_key} (a secret is changed by rotation)
   */
  public static ApiKeyConfig change(ApiKeyConfig current, String changesJson, Set<String> knownTaskTypes,
      String source) {
    JsonObject changes = JsonConfigReader.parse(changesJson, source);
    for (String field : changes.keySet()) {
      if (NOT_CHANGEABLE.contains(field)) {
        throw new ConfigException(source, current.keyId(), field, source + ": " + field + " cannot be changed here: "
            + (field.equals("api_key") ? "rotate the secret with POST /api/v1/keys/" + current.keyId() + "/rotate"
                : "remove it (a key's id is its name; rotated_at is set by rotation)"));
      }
    }
    Map<String, Object> merged = fields(current);
    merged.put("api_key", current.apiKey().reveal()); // in memory only, for the reader's checks
    changes.forEach((name, value) -> merged.put(name, JsonTrees.toJava(value)));
    ApiKeyConfig changed = readEntry((JsonObject) JsonTrees.toJson(merged), knownTaskTypes, source);
    return changed.toBuilder().apiKey(current.apiKey()).rotatedAt(current.rotatedAt().orElse(null)).build();
  }

  /**
   * The new secret of a rotation, from {@code {"api_key": "…"}}, checked as the loader checks a
   * key's secret.
   *
   * @throws ConfigException when it is missing, blank, a placeholder or a {@code ${VAR}}, or when
   *     the body has other fields
   */
  public static Secret rotation(ApiKeyConfig current, String json, Set<String> knownTaskTypes, String source) {
    JsonObject body = JsonConfigReader.parse(json, source);
    for (String field : body.keySet()) {
      if (!field.equals("api_key")) {
        throw new ConfigException(source, current.keyId(), field, source + ": a rotation takes only api_key; "
            + "change " + field + " with PUT /api/v1/keys/" + current.keyId());
      }
    }
    Map<String, Object> merged = fields(current);
    merged.remove("rotated_at");
    if (body.containsKey("api_key")) {
      merged.put("api_key", JsonTrees.toJava(body.get("api_key")));
    }
    Secret next = read(JsonTrees.write(merged), knownTaskTypes, source).apiKey();
    if (next.equals(current.apiKey())) {
      throw new ConfigException(source, current.keyId(), "api_key", source
          + ": api_key is the key's current secret; give the new secret NVIDIA issued");
    }
    return next;
  }

  private static ApiKeyConfig readEntry(JsonObject entry, Set<String> knownTaskTypes, String source) {
    Problems problems = new Problems(source);
    ParsedKey parsed = new ApiKeyEntryReader(problems, new VariableResolver(Map.of(), EnvFile.none()), knownTaskTypes)
        .read(entry, 0);
    problems.throwIfAny();
    return parsed.config();
  }

  private static String keyIdOf(JsonObject entry) {
    JsonValue id = entry.get("key_id");
    return id instanceof jakarta.json.JsonString s ? s.getString() : null;
  }

  /**
   * The key's fields in the guide's names, without {@code api_key}: what may be shown and stored
   * in clear. {@code rotated_at} is there when known.
   */
  public static Map<String, Object> fields(ApiKeyConfig k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key_id", k.keyId());
    m.put("max_rpm", k.maxRpm());
    m.put("max_tpm", k.maxTpm());
    m.put("priority", k.priority());
    m.put("task_types", new ArrayList<>(new TreeSet<>(k.taskTypes())));
    m.put("cost_per_token", k.costPerToken());
    m.put("base_url", k.baseUrl());
    m.put("weight", k.weight());
    m.put("is_active", k.active());
    m.put("is_backup", k.backup());
    m.put("daily_budget", k.dailyBudget());
    m.put("monthly_budget", k.monthlyBudget());
    k.rotatedAt().ifPresent(at -> m.put("rotated_at", at.toString()));
    return m;
  }

  /** The key as JSON with its secret masked, for audit entries and logs. */
  public static String describe(ApiKeyConfig k) {
    Map<String, Object> m = fields(k);
    m.put("api_key", k.apiKey().masked());
    return JsonTrees.write(m);
  }

  /** The key as JSON without its secret: what a store keeps beside the secret's ciphertext. */
  public static String withoutSecret(ApiKeyConfig k) {
    return JsonTrees.write(fields(k));
  }

  /**
   * A key {@link #withoutSecret} wrote, with its secret. Not checked again: it was checked when
   * it was written.
   *
   * @throws IllegalArgumentException when the text is not such a key
   */
  @SuppressWarnings("unchecked")
  public static ApiKeyConfig stored(String json, Secret secret) {
    Map<String, Object> m = JsonTrees.parseObject(json)
        .orElseThrow(() -> new IllegalArgumentException("a stored key is not a JSON object"));
    Object rotated = m.get("rotated_at");
    return ApiKeyConfig.builder((String) m.get("key_id"))
        .apiKey(secret)
        .maxRpm(number(m, "max_rpm").longValue())
        .maxTpm(number(m, "max_tpm").longValue())
        .priority(number(m, "priority").intValue())
        .taskTypes(((List<Object>) m.get("task_types")).stream().map(String::valueOf).toArray(String[]::new))
        .costPerToken(number(m, "cost_per_token").doubleValue())
        .baseUrl((String) m.get("base_url"))
        .weight(number(m, "weight").doubleValue())
        .active((Boolean) m.get("is_active"))
        .backup((Boolean) m.get("is_backup"))
        .dailyBudget(number(m, "daily_budget").doubleValue())
        .monthlyBudget(number(m, "monthly_budget").doubleValue())
        .rotatedAt(rotated == null ? null : Instant.parse((String) rotated))
        .build();
  }

  private static Number number(Map<String, Object> m, String field) {
    Object v = m.get(field);
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException("a stored key has no number " + field);
    }
    return n;
  }
}
