package org.keytriage.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keytriage.spi.TaskTypes;

/** The guide's own files, copied verbatim into test resources, load unchanged. */
class GuideSamplesTest {
  private static final Set<String> STRATEGIES = ConfigFixture.STRATEGIES;

  static Path resource(String name) {
    try {
      return Path.of(GuideSamplesTest.class.getResource("/config/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ConfigLoader guideLoader(Map<String, String> environment) {
    Path dir = resource("guide");
    return ConfigLoader.builder()
        .configFile(dir.resolve("config/api_keys_config.json"))
        .envFile(dir.resolve(".env.api_keys"))
        .environment(environment)
        .knownStrategies(STRATEGIES)
        .build();
  }

  @Test
  void guideSampleLoadsWithItsValuesAndTheDefaults() {
    KeyTriageConfig config = guideLoader(Map.of()).load();

    assertThat(config.apiKeys()).hasSize(1);
    ApiKeyConfig key = config.apiKeys().get(0);
    assertThat(key.keyId()).isEqualTo("medical_text_primary");
    assertThat(key.maxRpm()).isEqualTo(1000);
    assertThat(key.maxTpm()).isEqualTo(50000);
    assertThat(key.priority()).isEqualTo(3);
    assertThat(key.taskTypes())
        .containsExactlyInAnyOrder("medical_text_analysis", "diagnostic_report_generation");
    assertThat(key.costPerToken()).isCloseTo(0.0001, within(1e-12));
    // the optional fields take their documented defaults
    assertThat(key.baseUrl()).isEqualTo(ApiKeyConfig.DEFAULT_BASE_URL);
    assertThat(key.weight()).isEqualTo(1.0);
    assertThat(key.active()).isTrue();
    assertThat(key.backup()).isFalse();
    assertThat(key.dailyBudget()).isZero();
    assertThat(key.monthlyBudget()).isZero();
    assertThat(config.defaultStrategy()).isEqualTo(KeyTriageConfig.DEFAULT_STRATEGY);
    assertThat(config.taskStrategies()).isEmpty();
    assertThat(config.strategySettings()).isEmpty();
  }

  @Test
  void guideSampleResolvesTheApiKeyFromTheEnvFile() {
    ApiKeyConfig key = guideLoader(Map.of()).loadWithWarnings().config().apiKeys().get(0);

    assertThat(key.apiKey().reveal()).isEqualTo("your_medical_text_api_key_here");
  }

  @Test
  void sourceIsTheConfigPathAsGiven() {
    ConfigLoader loader = guideLoader(Map.of());

    assertThat(loader.loadWithWarnings().config().source())
        .isEqualTo(loader.configFile().toString());
  }

  @Test
  void guideSampleWarnsAboutThePlaceholderKeyAndUncoveredTaskTypesButNeverShowsTheKey() {
    ConfigLoader.Result result = guideLoader(Map.of()).loadWithWarnings();

    assertThat(result.warnings())
        .anySatisfy(w -> assertThat(w).contains("medical_text_primary").contains("placeholder"))
        .anySatisfy(w -> assertThat(w).contains("'genomics_analysis'").contains("is_backup"))
        .noneSatisfy(w -> assertThat(w).contains("your_medical_text_api_key_here"));
  }

  @Test
  void fromWorkingDirectoryFindsBothFiles() {
    Path dir = resource("guide");
    ConfigLoader loader = ConfigLoader.fromWorkingDirectory(dir, Set.copyOf(TaskTypes.BUILT_IN), STRATEGIES);

    assertThat(loader.configFile()).isEqualTo(dir.resolve("config/api_keys_config.json"));
    assertThat(loader.envFile()).contains(dir.resolve(".env.api_keys"));
    // the env file supplies the key unless it is exported
    KeyTriageConfig config = loader.loadWithWarnings().config();
    assertThat(config.apiKeys()).extracting(ApiKeyConfig::keyId).containsExactly("medical_text_primary");
    assertThat(config.source()).isEqualTo(dir.resolve("config/api_keys_config.json").toString());
  }

  @Test
  void fromWorkingDirectoryWithoutEnvFileNamesTheMissingFileWhenAVariableIsMissing(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("config"));
    Files.copy(
        resource("guide/config/api_keys_config.json"),
        dir.resolve("config/api_keys_config.json"));
    ConfigLoader loader = ConfigLoader.fromWorkingDirectory(dir, Set.copyOf(TaskTypes.BUILT_IN), STRATEGIES);
    org.junit.jupiter.api.Assumptions.assumeTrue(
        System.getenv("NVIDIA_API_KEY_MEDICAL_TEXT") == null, "the variable is exported here");

    ConfigException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class, loader::load);

    assertThat(e.getMessage())
        .contains("${NVIDIA_API_KEY_MEDICAL_TEXT}")
        .contains(dir.resolve(".env.api_keys") + " does not exist")
        .contains("medical_text_primary");
  }

  @Test
  void guideCustomConfigWithLiteralKeysLoadsWithAWarning() {
    ConfigLoader.Result result =
        ConfigLoader.builder()
            .configFile(resource("guide-custom/api_keys_config.json"))
            .environment(Map.of())
            .knownStrategies(STRATEGIES)
            .build()
            .loadWithWarnings();

    assertThat(result.config().apiKeys())
        .extracting(ApiKeyConfig::keyId, ApiKeyConfig::priority, ApiKeyConfig::maxTpm)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("high_priority_medical", 5, 100000L),
            org.assertj.core.groups.Tuple.tuple("cost_optimized_batch", 1, 500000L));
    assertThat(result.config().apiKeys().get(1).apiKey().reveal()).isEqualTo("your-batch-key");
    assertThat(result.warnings())
        .anySatisfy(w -> assertThat(w).contains("high_priority_medical").contains("literally"))
        .noneSatisfy(w -> assertThat(w).contains("your-premium-key"));
  }
}
