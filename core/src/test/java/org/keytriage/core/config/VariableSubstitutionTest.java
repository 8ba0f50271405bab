package org.keytriage.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keytriage.core.config.ConfigFixture.SECRET;
import static org.keytriage.core.config.ConfigFixture.config;
import static org.keytriage.core.config.ConfigFixture.validEntry;
import static org.keytriage.core.config.ConfigFixture.with;
import static org.keytriage.core.config.ConfigFixture.withTop;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ${VAR} in config strings: where values come from, and what a missing one says. */
class VariableSubstitutionTest {
  private static final String K = "key 'medical_text_primary' (api_keys[0])";
  private static final String VAR = "NVIDIA_API_KEY_MEDICAL_TEXT";

  @TempDir Path dir;
  private ConfigFixture fx;

  @BeforeEach
  void setUp() {
    fx = new ConfigFixture(dir).unsetEnv(VAR);
    fx.writeConfig(config(validEntry("medical_text_primary")));
  }

  private String apiKey() {
    return fx.load().apiKeys().get(0).apiKey().reveal();
  }

  @Test
  void fromTheEnvFile() {
    fx.writeEnv(VAR + "=nvapi-from-file-0000000000\n");

    assertThat(apiKey()).isEqualTo("nvapi-from-file-0000000000");
  }

  @Test
  void theEnvironmentWinsOverTheEnvFile() {
    fx.writeEnv(VAR + "=nvapi-from-file-0000000000\n").env(VAR, "nvapi-from-env-1111111111");

    assertThat(apiKey()).isEqualTo("nvapi-from-env-1111111111");
  }

  @Test
  void fromTheEnvironmentWithoutAnEnvFile() {
    fx.env(VAR, "nvapi-from-env-1111111111");

    assertThat(apiKey()).isEqualTo("nvapi-from-env-1111111111");
  }

  @Test
  void everyStringValueIsSubstitutedIncludingSeveralReferencesInOne() {
    fx.env(VAR, SECRET).env("NIM_HOST", "nim.internal").env("NIM_PORT", "8000")
        .env("BATCH_STRATEGY", "least_loaded");
    fx.writeConfig(
        withTop(
            config(with(validEntry("medical_text_primary"), "base_url",
                "\"http://${NIM_HOST}:${NIM_PORT}/\"")),
            "task_strategies",
            "{\"medical_text_analysis\": \"${BATCH_STRATEGY}\"}"));

    KeyTriageConfig config = fx.load();

    assertThat(config.apiKeys().get(0).baseUrl()).isEqualTo("http://nim.internal:8000");
    assertThat(config.strategyFor("medical_text_analysis")).isEqualTo("least_loaded");
  }

  @Test
  void aDollarWithoutBraceIsLiteral() {
    fx.writeConfig(config(with(validEntry("medical_text_primary"), "api_key", "\"nvapi-$abc$-0000\"")));

    assertThat(apiKey()).isEqualTo("nvapi-$abc$-0000");
  }

  @Test
  void missingVariableNamesVariableKeyFieldAndBothPlaces() {
    fx.writeEnv("# nothing here\n");

    ConfigException e = fx.loadFails();

    fx.assertSingleProblem(
        e, K, "medical_text_primary", "api_key",
        "add " + VAR + "=<your key> to " + fx.envPath() + " or export it");
    assertThat(e.getMessage())
        .contains("api_key refers to ${" + VAR + "}, which is not set: neither in the environment"
            + " nor in " + fx.envPath());
  }

  @Test
  void missingVariableWhenTheEnvFileDoesNotExist() {
    ConfigException e = fx.loadFails();

    fx.assertSingleProblem(e, K, "medical_text_primary", "api_key", "add " + VAR + "=<your key>");
    assertThat(e.getMessage()).contains(fx.envPath() + " does not exist");
  }

  @Test
  void missingVariableMentionsSkippedEnvFileLines() {
    fx.writeEnv(VAR + " " + SECRET + "\n");

    ConfigException e = fx.loadFails();

    fx.assertSingleProblem(e, K, "medical_text_primary", "api_key", "or export it");
    assertThat(e.getMessage()).contains("unreadable lines [1] were skipped");
  }

  @Test
  void emptyVariableInTheEnvFile() {
    fx.writeEnv(VAR + "=\n");

    ConfigException e = fx.loadFails();

    fx.assertSingleProblem(e, K, "medical_text_primary", "api_key", VAR + "=<your key>");
    assertThat(e.getMessage()).contains("which is empty in " + fx.envPath());
  }

  @Test
  void emptyVariableInTheEnvironmentStillWinsAndSaysSo() {
    fx.writeEnv(VAR + "=" + SECRET + "\n").env(VAR, "");

    ConfigException e = fx.loadFails();

    fx.assertSingleProblem(e, K, "medical_text_primary", "api_key", "unset " + VAR);
    assertThat(e.getMessage())
        .contains("set but empty in the environment (the environment wins over " + fx.envPath());
  }

  @Test
  void missingVariableInAnotherFieldAsksForAValueNotAKey() {
    fx.env(VAR, SECRET);
    fx.writeConfig(config(with(validEntry("medical_text_primary"), "base_url", "\"${NIM_URL}\"")));

    ConfigException e = fx.loadFails();

    fx.assertSingleProblem(e, K, "medical_text_primary", "base_url", "add NIM_URL=<value>");
  }

  @Test
  void unterminatedReference() {
    fx.env(VAR, SECRET);
    fx.writeConfig(config(with(validEntry("medical_text_primary"), "api_key", "\"${" + VAR + "\"")));

    ConfigException e = fx.loadFails();

    fx.assertSingleProblem(e, K, "medical_text_primary", "api_key", "${NAME}");
    assertThat(e.getMessage()).contains("'${' without a closing '}'");
  }

  @Test
  void aKeyPastedInsideTheBracesIsNotEchoed() {
    fx.writeConfig(config(with(validEntry("medical_text_primary"), "api_key", "\"${" + SECRET + "}\"")));

    ConfigException e = fx.loadFails(); // asserts SECRET is absent

    fx.assertSingleProblem(e, K, "medical_text_primary", "api_key", "letters, digits and underscores");
  }

  @Test
  void everyMissingVariableIsReported() {
    fx.writeConfig(
        config(
            validEntry("medical_text_primary"),
            with(validEntry("genomics"), "api_key", "\"${NVIDIA_API_KEY_GENOMICS}\"")));

    ConfigException e = fx.loadFails();

    assertThat(e.problems())
        .extracting(ConfigProblem::keyId)
        .containsExactly("medical_text_primary", "genomics");
    assertThat(e.getMessage()).contains("${" + VAR + "}").contains("${NVIDIA_API_KEY_GENOMICS}");
  }
}
