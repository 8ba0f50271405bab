package org.keytriage.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keytriage.core.config.ConfigFixture.config;
import static org.keytriage.core.config.ConfigFixture.validEntry;
import static org.keytriage.core.config.ConfigFixture.with;
import static org.keytriage.core.config.ConfigFixture.withTop;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Things that load, but are reported so the user can tell they are probably mistakes. */
class WarningsTest {
  @TempDir Path dir;
  private ConfigFixture fx;

  @BeforeEach
  void setUp() {
    fx = new ConfigFixture(dir);
  }

  @Test
  void unknownFieldsAreIgnoredWithADidYouMean() {
    fx.writeConfig(
        withTop(
            config(with(validEntry("medical_text_primary"), "is_bakup", "true")),
            "comment",
            "\"free text\""));

    ConfigLoader.Result result = fx.loadWithWarnings();

    assertThat(result.config().apiKeys().get(0).backup()).isFalse();
    assertThat(result.warnings())
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith(fx.configPath() + ": key 'medical_text_primary' (api_keys[0]): ")
                    .contains("unknown field 'is_bakup' in this key is ignored")
                    .contains("did you mean 'is_backup'?"))
        .anySatisfy(w -> assertThat(w).contains("unknown field 'comment' in the top level"));
  }

  @Test
  void repeatedTaskTypeIsAWarning() {
    fx.writeConfig(
        config(
            with(
                validEntry("medical_text_primary"),
                "task_types",
                "[\"medical_text_analysis\", \"medical_text_analysis\"]")));

    ConfigLoader.Result result = fx.loadWithWarnings();

    assertThat(result.config().apiKeys().get(0).taskTypes()).containsExactly("medical_text_analysis");
    assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("lists 'medical_text_analysis' twice"));
  }

  @Test
  void taskTypesWithoutAnActiveKeyAreNamed() {
    fx.writeConfig(config(with(validEntry("medical_text_primary"), "is_active", "false")));

    ConfigLoader.Result result = fx.loadWithWarnings();

    assertThat(result.warnings())
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains("no active key serves task type 'medical_text_analysis'")
                    .contains("No available API key for task: medical_text_analysis"));
  }

  @Test
  void literalApiKeyIsAWarningThatNeverShowsTheKey() {
    fx.writeConfig(
        config(
            with(validEntry("medical_text_primary"), "api_key", "\"" + ConfigFixture.SECRET + "\"")));

    ConfigLoader.Result result = fx.loadWithWarnings();

    assertThat(result.config().apiKeys().get(0).apiKey().reveal()).isEqualTo(ConfigFixture.SECRET);
    assertThat(result.warnings())
        .anySatisfy(w -> assertThat(w).contains("written literally").contains("${NVIDIA_API_KEY_MEDICAL_TEXT_PRIMARY}"))
        .allSatisfy(w -> assertThat(w).doesNotContain(ConfigFixture.SECRET));
  }

  @Test
  void skippedEnvFileLinesAreNamedByNumberOnly() {
    fx.writeEnv("# keys\nNVIDIA_API_KEY_X " + ConfigFixture.SECRET + "\nB='unterminated\n");
    fx.writeConfig(config(validEntry("medical_text_primary")));

    ConfigLoader.Result result = fx.loadWithWarnings();

    assertThat(result.warnings())
        .anySatisfy(w -> assertThat(w).startsWith(fx.envPath() + ": lines [2, 3] are not NAME=value"))
        .allSatisfy(w -> assertThat(w).doesNotContain(ConfigFixture.SECRET));
  }
}
