package org.keytriage.core.config.internal;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.Secret;

/**
 * Reads one {@code api_keys} entry into an {@link ApiKeyConfig}, checking everything that can be
 * checked from the entry alone (types, ranges, known task types, the backup rule). Checks across
 * entries are {@link ConfigValidator}'s.
 *
 * <p>Required, as in every example of the guide: {@code key_id, api_key, max_rpm, max_tpm,
 * priority, cost_per_token}, and {@code task_types} unless {@code is_backup} is true. Optional, with
 * the defaults of {@link ApiKeyConfig}: {@code base_url, weight, is_active, is_backup,
 * daily_budget, monthly_budget}.
 */
public final class ApiKeyEntryReader {
  /** The fields of an entry; any other is ignored with a warning. */
  public static final Set<String> FIELDS =
      Set.of(
          "key_id",
          "api_key",
          "max_rpm",
          "max_tpm",
          "priority",
          "task_types",
          "cost_per_token",
          "base_url",
          "weight",
          "is_active",
          "is_backup",
          "daily_budget",
          "monthly_budget",
          "rotated_at");

  /** The guide's {@code .env.api_keys} placeholders: your_medical_text_api_key_here etc. */
  private static final Pattern GUIDE_PLACEHOLDER =
      Pattern.compile("your[_-].*(key|here)", Pattern.CASE_INSENSITIVE);

  private final Problems problems;
  private final VariableResolver resolver;
  private final Set<String> knownTaskTypes;

  public ApiKeyEntryReader(
      Problems problems, VariableResolver resolver, Set<String> knownTaskTypes) {
    this.problems = problems;
    this.resolver = resolver;
    this.knownTaskTypes = Set.copyOf(knownTaskTypes);
  }

  public ParsedKey read(JsonValue value, int index) {
    KeyRef where = KeyRef.entry(index);
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      problems.error(
          where,
          "api_keys",
          "the entry must be an object {\"key_id\": ..., \"api_key\": ..., ...}, but is "
              + JsonConfigReader.describe(value),
          "write each key as a JSON object; see the guide's JSON Configuration section");
      return new ParsedKey(index, null, null);
    }
    int errorsBefore = problems.errorCount();
    FieldReader f = new FieldReader((JsonObject) value, where, problems, resolver);

    String keyId =
        f.string(
                "key_id",
                true,
                false,
                "add \"key_id\": \"<a unique name>\" to this entry, e.g. \"medical_text_primary\"")
            .orElse(null);
    if (keyId != null) {
      f.where(where.withKeyId(keyId));
    }
    ApiKeyConfig.Builder b = ApiKeyConfig.builder(keyId == null ? "?" : keyId);

    readApiKey(f, (JsonObject) value, keyId).ifPresent(b::apiKey);
    f.wholeNumber(
            "max_rpm",
            true,
            1,
            "set max_rpm to this key's requests-per-minute limit as a whole number, e.g. 1000")
        .ifPresent(b::maxRpm);
    f.wholeNumber(
            "max_tpm",
            true,
            1,
            "set max_tpm to this key's tokens-per-minute limit as a whole number, e.g. 50000")
        .ifPresent(b::maxTpm);
    f.integer(
            "priority",
            true,
            "set priority to a whole number, higher is preferred (the guide uses 1 to 5), e.g. 3")
        .ifPresent(b::priority);
    f.decimal(
            "cost_per_token",
            true,
            FieldReader.Bound.NON_NEGATIVE,
            "set cost_per_token to the price of one token as a number, 0 or more, e.g. 0.0001")
        .ifPresent(b::costPerToken);
    readBaseUrl(f).ifPresent(b::baseUrl);
    f.decimal(
            "weight",
            false,
            FieldReader.Bound.POSITIVE,
            "set weight to a number greater than 0, or remove it to use the default 1.0")
        .ifPresent(b::weight);
    f.bool("is_active", "write true or false without quotes, or remove it (default true)")
        .ifPresent(b::active);
    boolean backup =
        f.bool("is_backup", "write true or false without quotes, or remove it (default false)")
            .orElse(false);
    b.backup(backup);
    f.decimal(
            "daily_budget",
            false,
            FieldReader.Bound.NON_NEGATIVE,
            "set daily_budget to a number, 0 or more (0 means no budget), or remove it")
        .ifPresent(b::dailyBudget);
    f.decimal(
            "monthly_budget",
            false,
            FieldReader.Bound.NON_NEGATIVE,
            "set monthly_budget to a number, 0 or more (0 means no budget), or remove it")
        .ifPresent(b::monthlyBudget);
    readRotatedAt(f).ifPresent(b::rotatedAt);
    b.taskTypes(readTaskTypes(f, backup));
    f.warnUnknownFields(FIELDS, "this key");

    boolean complete = keyId != null && problems.errorCount() == errorsBefore;
    return new ParsedKey(index, keyId, complete ? b.build() : null);
  }

  private Optional<Secret> readApiKey(FieldReader f, JsonObject entry, String keyId) {
    String variable = "NVIDIA_API_KEY_" + suggestedSuffix(keyId);
    String fix =
        "add \"api_key\": \"${" + variable + "}\" to this entry and " + variable
            + "=<your key> to .env.api_keys";
    Optional<String> value = f.string("api_key", true, true, fix);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String raw = entry.getString("api_key");
    if (!raw.contains("${")) {
      problems.warn(
          f.where(),
          "api_key is written literally in the config file",
          "move the key to .env.api_keys as " + variable + "=<your key> and write \"api_key\":"
              + " \"${" + variable + "}\", so the config file holds no secret");
    }
    String unsendable = unsendable(value.get());
    if (unsendable != null) {
      // the value is never named, not even the character: only what kind it is and where
      problems.error(f.where(), "api_key", "api_key has " + unsendable + ", which cannot be sent in an"
          + " HTTP Authorization header", "copy the key again from build.nvidia.com (NVIDIA keys are letters,"
          + " digits and - _ . only) and check .env.api_keys for stray quotes, spaces or line breaks");
      return Optional.empty();
    }
    if (GUIDE_PLACEHOLDER.matcher(value.get()).matches()) {
      problems.warn(
          f.where(),
          "api_key looks like a placeholder from the guide, not a real NVIDIA key",
          "replace it with the key from build.nvidia.com (it usually starts with nvapi-)");
    }
    return Optional.of(Secret.of(value.get()));
  }

  /**
   * What makes a secret unusable as {@code Authorization: Bearer <secret>}: the JDK's HTTP client
   * refuses anything but visible ASCII in a header (and would put the whole header, secret and
   * all, into its exception message); {@code null} when it is fine.
   */
  static String unsendable(String secret) {
    for (int i = 0; i < secret.length(); i++) {
      char c = secret.charAt(i);
      if (c >= 0x21 && c <= 0x7e) {
        continue;
      }
      String kind = c == ' ' ? "a space"
          : c < 0x20 || c == 0x7f ? "a control character (a line break or tab, say)"
          : Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT ? "an invisible character"
          : "a character outside ASCII (a typographic quote or a currency sign, say)";
      return kind + " at position " + (i + 1);
    }
    return null;
  }

  /** Optional: when the secret was last set, {@code 2026-09-01} or {@code 2026-09-01T08:00:00Z}. */
  private static Optional<java.time.Instant> readRotatedAt(FieldReader f) {
    String fix = "write rotated_at as a date (2026-09-01) or an instant (2026-09-01T08:00:00Z), or remove it";
    Optional<String> value = f.string("rotated_at", false, false, fix);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String v = value.get().trim();
    try {
      return Optional.of(v.length() == 10
          ? java.time.LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
          : java.time.Instant.parse(v));
    } catch (java.time.format.DateTimeParseException e) {
      f.error("rotated_at", "is not a date or an instant", fix);
      return Optional.empty();
    }
  }

  private Optional<String> readBaseUrl(FieldReader f) {
    String fix =
        "set base_url to an http:// or https:// URL such as "
            + ApiKeyConfig.DEFAULT_BASE_URL
            + ", or remove it to use that default";
    Optional<String> value = f.string("base_url", false, false, fix);
    if (value.isEmpty()) {
      return value;
    }
    // The URL itself is not echoed: a self-hosted endpoint may carry credentials in it.
    String url = value.get().strip();
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        problems.error(
            f.where(),
            "base_url",
            "base_url must be an http:// or https:// URL, but "
                + (scheme.isEmpty() ? "has no scheme" : "has scheme '" + scheme + "'"),
            fix);
        return Optional.empty();
      }
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        problems.error(f.where(), "base_url", "base_url has no host name", fix);
        return Optional.empty();
      }
    } catch (URISyntaxException e) {
      problems.error(f.where(), "base_url", "base_url is not a valid URL", fix);
      return Optional.empty();
    }
    // Paths are appended to it ("/v1/chat/completions"); a trailing slash would double up.
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    return Optional.of(url);
  }

  private Set<String> readTaskTypes(FieldReader f, boolean backup) {
    String fix =
        "list the task types this key serves, e.g. \"task_types\": [\"medical_text_analysis\"],"
            + " or set \"is_backup\": true for a general-purpose backup key";
    if (!f.has("task_types") && backup) {
      return Set.of(); // a backup key serves every task type; listing them is optional
    }
    List<String> listed = f.stringArray("task_types", true, fix).orElse(List.of());
    Set<String> taskTypes = new LinkedHashSet<>();
    for (String taskType : listed) {
      if (!knownTaskTypes.contains(taskType)) {
        problems.error(
            f.where(),
            "task_types",
            "task_types has unknown task type '" + taskType + "'"
                + Suggestions.didYouMean(taskType, knownTaskTypes),
            "use one of: " + Suggestions.listOf(knownTaskTypes));
      } else if (!taskTypes.add(taskType)) {
        problems.warn(
            f.where(), "task_types lists '" + taskType + "' twice", "remove the repetition");
      }
    }
    if (!backup && f.isEmptyArray("task_types")) {
      problems.error(
          f.where(),
          "task_types",
          "task_types is empty, which is allowed only for a backup key (\"is_backup\": true)",
          fix);
    }
    return taskTypes;
  }

  /** {@code medical_text_primary} → {@code MEDICAL_TEXT_PRIMARY}, for example fixes. */
  private static String suggestedSuffix(String keyId) {
    if (keyId == null) {
      return "<NAME>";
    }
    String s = keyId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    s = s.replaceAll("^_+|_+$", "");
    return s.isEmpty() ? "<NAME>" : s;
  }
}
