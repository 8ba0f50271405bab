package org.keytriage.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keytriage.core.config.ConfigFixture.config;
import static org.keytriage.core.config.ConfigFixture.validEntry;
import static org.keytriage.core.config.ConfigFixture.withTop;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad top-level fields: api_keys itself and the strategy fields. */
class BadTopLevelTest {
  @TempDir Path dir;
  private ConfigFixture fx;
  private final JsonObject good = config(validEntry("medical_text_primary"));

  @BeforeEach
  void setUp() {
    fx = new ConfigFixture(dir);
  }

  @Test
  void missingApiKeys() {
    ConfigException e = fx.writeConfig("{\"default_strategy\": \"round_robin\"}").loadFails();

    fx.assertSingleProblem(e, ": api_keys is missing", null, "api_keys", "add \"api_keys\": [");
  }

  @Test
  void apiKeysThatIsNotAnArray() {
    ConfigException e = fx.writeConfig("{\"api_keys\": {\"key_id\": \"x\"}}").loadFails();

    fx.assertSingleProblem(e, "api_keys must be an array", null, "api_keys", "add \"api_keys\": [");
    assertThat(e.getMessage()).contains("but is an object");
  }

  @Test
  void emptyApiKeys() {
    ConfigException e = fx.writeConfig("{\"api_keys\": []}").loadFails();

    fx.assertSingleProblem(e, "api_keys is empty", null, "api_keys", "add at least one key");
  }

  @Test
  void unknownDefaultStrategyListsTheAvailableOnes() {
    ConfigException e =
        fx.writeConfig(withTop(good, "default_strategy", "\"least_load\"")).loadFails();

    fx.assertSingleProblem(
        e,
        "default_strategy names unknown strategy 'least_load' (did you mean 'least_loaded'?)",
        null,
        "default_strategy",
        "set default_strategy to one of: least_loaded, priority, round_robin");
  }

  @Test
  void defaultStrategyThatIsNotAString() {
    ConfigException e = fx.writeConfig(withTop(good, "default_strategy", "3")).loadFails();

    fx.assertSingleProblem(
        e, "default_strategy must be a string", null, "default_strategy", "one of: least_loaded");
  }

  @Test
  void missingDefaultStrategyNeedsRoundRobinToBeAvailable() {
    fx.writeConfig(good);
    ConfigLoader loader =
        ConfigLoader.builder()
            .configFile(dir.resolve(ConfigFixture.CONFIG))
            .environment(fx.environment)
            .knownStrategies(Set.of("least_loaded"))
            .build();

    ConfigException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class, loader::load);

    fx.assertSingleProblem(
        e,
        "default_strategy is not set, and its default 'round_robin' is not available",
        null,
        "default_strategy",
        "set default_strategy to one of: least_loaded");
  }

  @Test
  void taskStrategyNamingAnUnknownStrategy() {
    ConfigException e =
        fx.writeConfig(
                withTop(good, "task_strategies", "{\"batch_processing\": \"cheapest_first\"}"))
            .loadFails();

    fx.assertSingleProblem(
        e,
        "task_strategies.batch_processing names unknown strategy 'cheapest_first'",
        null,
        "task_strategies.batch_processing",
        "use one of: least_loaded, priority, round_robin");
  }

  @Test
  void taskStrategyForAnUnknownTaskType() {
    ConfigException e =
        fx.writeConfig(withTop(good, "task_strategies", "{\"genomic_analysis\": \"least_loaded\"}"))
            .loadFails();

    fx.assertSingleProblem(
        e,
        "task_strategies.genomic_analysis is for unknown task type 'genomic_analysis' (did you mean"
            + " 'genomics_analysis'?)",
        null,
        "task_strategies.genomic_analysis",
        "use one of: batch_processing, diagnostic_report_generation, genomics_analysis");
  }

  @Test
  void taskStrategiesThatIsNotAnObject() {
    ConfigException e =
        fx.writeConfig(withTop(good, "task_strategies", "[\"least_loaded\"]")).loadFails();

    fx.assertSingleProblem(
        e, "task_strategies must be an object, but is an array", null, "task_strategies",
        "\"task_strategies\": {\"batch_processing\": \"least_loaded\"}");
  }

  @Test
  void strategySettingThatIsNotAScalar() {
    ConfigException e =
        fx.writeConfig(withTop(good, "strategy_settings", "{\"least_loaded\": {\"w\": [1, 2]}}"))
            .loadFails();

    fx.assertSingleProblem(
        e,
        "strategy_settings.least_loaded.w must be a string, number or boolean, but is an array",
        null,
        "strategy_settings.least_loaded.w",
        "write a single value");
  }

  @Test
  void settingsForAnUnavailableStrategyAreOnlyAWarning() {
    fx.writeConfig(withTop(good, "strategy_settings", "{\"least_loadd\": {\"window\": 60}}"));

    ConfigLoader.Result result = fx.loadWithWarnings();

    assertThat(result.config().strategySettings()).containsKey("least_loadd");
    assertThat(result.warnings())
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith(fx.configPath() + ": ")
                    .contains("'least_loadd', which is not available")
                    .contains("did you mean 'least_loaded'?"));
  }

  @Test
  void missingConfigFile() {
    ConfigException e = fx.loadFails();

    assertThat(e.file()).isEqualTo(fx.configPath());
    assertThat(e.keyId()).isNull();
    assertThat(e.field()).isNull();
    assertThat(e.getMessage())
        .startsWith(fx.configPath() + ": config file not found")
        .contains("Fix: create it");
  }
}
