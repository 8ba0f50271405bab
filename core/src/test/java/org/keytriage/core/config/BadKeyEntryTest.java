package org.keytriage.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keytriage.core.config.ConfigFixture.config;
import static org.keytriage.core.config.ConfigFixture.validEntry;
import static org.keytriage.core.config.ConfigFixture.with;
import static org.keytriage.core.config.ConfigFixture.without;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One test per bad {@code api_keys} entry: the message names the file, the key, the field and the
 * fix, and never the secret ({@link ConfigFixture#loadFails()} checks that for every case).
 */
class BadKeyEntryTest {
  private static final String K = "key 'medical_text_primary' (api_keys[0])";

  @TempDir Path dir;
  private ConfigFixture fx;
  private final JsonObject good = validEntry("medical_text_primary");

  @BeforeEach
  void setUp() {
    fx = new ConfigFixture(dir);
  }

  private ConfigException failsWithEntry(JsonObject entry) {
    return fx.writeConfig(config(entry)).loadFails();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "nvapi-abc\u20acdef0123456789 | outside ASCII | 10",
      "nvapi-abc\u200bdef0123456789 | invisible | 10",
      "nvapi-abc\u201cdef0123456789 | outside ASCII | 10",
      "nvapi-abc def0123456789 | a space | 10",
      "nvapi-abc\tdef0123456789 | control character | 10"})
  void aSecretThatCannotGoIntoAnHttpHeaderIsRefusedWithoutShowingIt(String secret, String kind, int position) {
    String value = secret.translateEscapes();
    fx.env("NVIDIA_API_KEY_MEDICAL_TEXT", value);
    ConfigException e = failsWithEntry(good);

    fx.assertSingleProblem(e, K, "medical_text_primary", "api_key", "copy the key again");
    assertThat(e.getMessage()).contains(kind).contains("position " + position).contains("HTTP Authorization header")
        .doesNotContain(value).doesNotContain("nvapi-abc").doesNotContain("def0123456789");
  }

  @Test
  void missingKeyIdNamesTheEntryByIndex() {
    ConfigException e =
        fx.writeConfig(config(validEntry("first"), without(good, "key_id"))).loadFails();

    fx.assertSingleProblem(e, "api_keys[1]", null, "key_id", "add \"key_id\"");
    assertThat(e.getMessage()).contains("key_id is missing");
  }

  @Test
  void blankKeyId() {
    ConfigException e = failsWithEntry(with(good, "key_id", "\"   \""));

    fx.assertSingleProblem(e, "api_keys[0]", null, "key_id", "unique name");
    assertThat(e.getMessage()).contains("key_id is blank");
  }

  @Test
  void duplicateKeyIdNamesBothIndices() {
    ConfigException e =
        fx.writeConfig(config(good, validEntry("other"), good)).loadFails();

    fx.assertSingleProblem(
        e, "key 'medical_text_primary' (api_keys[2])", "medical_text_primary", "key_id", "unique");
    assertThat(e.getMessage()).contains("api_keys[0] and api_keys[2]");
  }

  @Test
  void entryThatIsNotAnObject() {
    ConfigException e =
        fx.writeConfig("{\"api_keys\": [\"" + ConfigFixture.SECRET + "\"]}").loadFails();

    fx.assertSingleProblem(e, "api_keys[0]", null, "api_keys", "JSON object");
    assertThat(e.getMessage()).contains("but is a string");
  }

  @Test
  void missingApiKey() {
    ConfigException e = failsWithEntry(without(good, "api_key"));

    fx.assertSingleProblem(
        e, K, "medical_text_primary", "api_key", "NVIDIA_API_KEY_MEDICAL_TEXT_PRIMARY=<your key>");
    assertThat(e.getMessage()).contains("api_key is missing");
  }

  @Test
  void blankLiteralApiKey() {
    ConfigException e = failsWithEntry(with(good, "api_key", "\"  \""));

    fx.assertSingleProblem(e, K, "medical_text_primary", "api_key", "\"api_key\": \"${");
    assertThat(e.getMessage()).contains("api_key is blank");
  }

  @Test
  void apiKeyThatIsNotAString() {
    ConfigException e = failsWithEntry(with(good, "api_key", "12345678901234567890"));

    fx.assertSingleProblem(e, K, "medical_text_primary", "api_key", ".env.api_keys");
    assertThat(e.getMessage()).contains("must be a string, but is a number");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "max_rpm | 0        | must be greater than 0, but is 0",
        "max_rpm | -5       | must be greater than 0, but is -5",
        "max_rpm | 1.5      | must be a whole number, but is 1.5",
        "max_rpm | '\"1000\"' | must be a whole number, but is a string (write the number without quotes)",
        "max_rpm | 1e30     | is too large",
        "max_tpm | 0        | must be greater than 0, but is 0",
        "max_tpm | 2.5      | must be a whole number, but is 2.5",
        "max_tpm | true     | must be a whole number, but is a boolean",
      })
  void badRateLimit(String field, String rawJson, String what) {
    ConfigException e = failsWithEntry(with(good, field, rawJson));

    fx.assertSingleProblem(e, K, "medical_text_primary", field, "as a whole number, e.g.");
    assertThat(e.getMessage()).contains(field + " " + what);
  }

  @ParameterizedTest
  @CsvSource({"max_rpm, requests-per-minute", "max_tpm, tokens-per-minute"})
  void missingRateLimit(String field, String fix) {
    ConfigException e = failsWithEntry(without(good, field));

    fx.assertSingleProblem(e, K, "medical_text_primary", field, fix);
    assertThat(e.getMessage()).contains(field + " is missing");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"2.5 | must be a whole number, but is 2.5", "'\"high\"' | must be a whole number, but is a string"})
  void priorityThatIsNotAnInteger(String rawJson, String what) {
    ConfigException e = failsWithEntry(with(good, "priority", rawJson));

    fx.assertSingleProblem(e, K, "medical_text_primary", "priority", "higher is preferred");
    assertThat(e.getMessage()).contains("priority " + what);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "-0.0001 | must be 0 or more, but is -0.0001",
        "'\"cheap\"' | must be a number, but is a string",
      })
  void badCostPerToken(String rawJson, String what) {
    ConfigException e = failsWithEntry(with(good, "cost_per_token", rawJson));

    fx.assertSingleProblem(e, K, "medical_text_primary", "cost_per_token", "e.g. 0.0001");
    assertThat(e.getMessage()).contains("cost_per_token " + what);
  }

  @Test
  void missingCostPerToken() {
    ConfigException e = failsWithEntry(without(good, "cost_per_token"));

    fx.assertSingleProblem(e, K, "medical_text_primary", "cost_per_token", "price of one token");
  }

  @ParameterizedTest
  @CsvSource({"0", "-1"})
  void weightNotPositive(String rawJson) {
    ConfigException e = failsWithEntry(with(good, "weight", rawJson));

    fx.assertSingleProblem(e, K, "medical_text_primary", "weight", "default 1.0");
    assertThat(e.getMessage()).contains("weight must be greater than 0, but is " + rawJson);
  }

  @ParameterizedTest
  @CsvSource({"daily_budget", "monthly_budget"})
  void negativeBudget(String field) {
    ConfigException e = failsWithEntry(with(good, field, "-10"));

    fx.assertSingleProblem(e, K, "medical_text_primary", field, "0 means no budget");
    assertThat(e.getMessage()).contains(field + " must be 0 or more, but is -10");
  }

  @Test
  void booleanWrittenAsString() {
    ConfigException e = failsWithEntry(with(good, "is_backup", "\"true\""));

    fx.assertSingleProblem(e, K, "medical_text_primary", "is_backup", "without quotes");
  }

  @Test
  void missingTaskTypes() {
    ConfigException e = failsWithEntry(without(good, "task_types"));

    fx.assertSingleProblem(e, K, "medical_text_primary", "task_types", "\"is_backup\": true");
    assertThat(e.getMessage()).contains("task_types is missing");
  }

  @Test
  void taskTypesNotAnArray() {
    ConfigException e = failsWithEntry(with(good, "task_types", "\"medical_text_analysis\""));

    fx.assertSingleProblem(e, K, "medical_text_primary", "task_types", "[\"medical_text_analysis\"]");
    assertThat(e.getMessage()).contains("task_types must be an array of strings, but is a string");
  }

  @Test
  void taskTypesWithANonString() {
    ConfigException e = failsWithEntry(with(good, "task_types", "[\"medical_text_analysis\", 7]"));

    fx.assertSingleProblem(e, K, "medical_text_primary", "task_types", "list the task types");
    assertThat(e.getMessage()).contains("task_types[1] must be a string, but is a number");
  }

  @Test
  void emptyTaskTypesOnANonBackupKey() {
    ConfigException e = failsWithEntry(with(good, "task_types", "[]"));

    fx.assertSingleProblem(e, K, "medical_text_primary", "task_types", "\"is_backup\": true");
    assertThat(e.getMessage()).contains("allowed only for a backup key");
  }

  @Test
  void emptyOrMissingTaskTypesAreFineOnABackupKey() {
    JsonObject backup = with(validEntry("backup_a"), "is_backup", "true");
    fx.writeConfig(
        config(
            with(backup, "task_types", "[]"),
            without(with(validEntry("backup_b"), "is_backup", "true"), "task_types")));

    KeyTriageConfig config = fx.load();

    assertThat(config.apiKeys()).allSatisfy(k -> assertThat(k.backup()).isTrue());
    assertThat(config.apiKeys()).allSatisfy(k -> assertThat(k.taskTypes()).isEmpty());
  }

  @Test
  void unknownTaskTypeListsTheKnownOnesAndSuggests() {
    ConfigException e =
        failsWithEntry(with(good, "task_types", "[\"medical_text_analysys\"]"));

    fx.assertSingleProblem(
        e,
        K,
        "medical_text_primary",
        "task_types",
        "use one of: batch_processing, diagnostic_report_generation, genomics_analysis,"
            + " medical_text_analysis, multimodal_fusion, streaming_insights");
    assertThat(e.getMessage())
        .contains("unknown task type 'medical_text_analysys'")
        .contains("did you mean 'medical_text_analysis'?");
  }

  @Test
  void pluginTaskTypesAreKnownWhenTheLoaderIsTold() {
    fx.writeConfig(config(with(good, "task_types", "[\"radiology_triage\"]")));

    KeyTriageConfig config =
        ConfigLoader.builder()
            .configFile(dir.resolve(ConfigFixture.CONFIG))
            .environment(fx.environment)
            .knownTaskTypes(java.util.Set.of("radiology_triage"))
            .knownStrategies(ConfigFixture.STRATEGIES)
            .build()
            .load();

    assertThat(config.apiKeys().get(0).taskTypes()).containsExactly("radiology_triage");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ftp://files.example.org  | has scheme 'ftp'",
        "integrate.api.nvidia.com | has no scheme",
        "https://                 | is not a valid URL",
        "http:///v1               | has no host name",
        "'https://exa mple.com'   | is not a valid URL",
      })
  void baseUrlThatIsNotHttp(String url, String what) {
    ConfigException e = failsWithEntry(with(good, "base_url", "\"" + url + "\""));

    fx.assertSingleProblem(
        e, K, "medical_text_primary", "base_url", "http:// or https:// URL such as https://");
    assertThat(e.getMessage()).contains(what);
  }

  @Test
  void allProblemsAreReportedAtOnceOneLineEach() {
    JsonObject first = with(with(good, "max_rpm", "0"), "priority", "\"high\"");
    JsonObject second = without(with(validEntry("genomics"), "weight", "-1"), "key_id");
    ConfigException e = fx.writeConfig(config(first, second)).loadFails();

    assertThat(e.problems())
        .extracting(ConfigProblem::field)
        .containsExactly("max_rpm", "priority", "key_id", "weight");
    assertThat(e.getMessage().lines())
        .hasSize(5)
        .first()
        .asString()
        .contains("4 problems");
    assertThat(e.problems().get(2).message()).contains("api_keys[1]");
    assertThat(e.keyId()).isEqualTo("medical_text_primary");
    assertThat(e.field()).isEqualTo("max_rpm");
  }
}
