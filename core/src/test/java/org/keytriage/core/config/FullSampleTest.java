package org.keytriage.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keytriage.spi.TaskTypes;

/** A richer file: all six task types, a backup key, strategies and settings. */
class FullSampleTest {
  private static ConfigLoader.Result load(Map<String, String> environment) {
    Path dir = GuideSamplesTest.resource("full");
    return ConfigLoader.builder()
        .configFile(dir.resolve("config/api_keys_config.json"))
        .envFile(dir.resolve(".env.api_keys"))
        .environment(environment)
        .knownStrategies(ConfigFixture.STRATEGIES)
        .build()
        .loadWithWarnings();
  }

  @Test
  void loadsEveryKeyInFileOrder() {
    KeyTriageConfig config = load(Map.of()).config();

    assertThat(config.apiKeys())
        .extracting(ApiKeyConfig::keyId)
        .containsExactly(
            "medical_text_primary",
            "genomics_specialist",
            "streaming_realtime",
            "batch_bulk",
            "multimodal_fusion",
            "backup_general");
  }

  @Test
  void everyTaskTypeIsServedAndTheBackupServesAll() {
    KeyTriageConfig config = load(Map.of()).config();
    ApiKeyConfig backup = config.apiKeys().get(5);

    assertThat(backup.backup()).isTrue();
    assertThat(backup.taskTypes()).isEmpty();
    assertThat(backup.apiKey().reveal())
        .isEqualTo("nvapi-TEST-backup-00000000000000000000000000000000000006");
    for (String taskType : TaskTypes.BUILT_IN) {
      assertThat(backup.serves(taskType)).isTrue();
      assertThat(config.apiKeys()).anyMatch(k -> !k.backup() && k.specialisedFor(taskType));
    }
  }

  @Test
  void readsOptionalFields() {
    KeyTriageConfig config = load(Map.of()).config();

    ApiKeyConfig medical = config.apiKeys().get(0);
    assertThat(medical.dailyBudget()).isEqualTo(25.0);
    assertThat(medical.monthlyBudget()).isEqualTo(500.5);
    ApiKeyConfig genomics = config.apiKeys().get(1);
    assertThat(genomics.baseUrl())
        .as("substituted, trailing slash removed")
        .isEqualTo("http://nim-genomics.internal:8000");
    ApiKeyConfig streaming = config.apiKeys().get(2);
    assertThat(streaming.weight()).isEqualTo(2.5);
    assertThat(streaming.maxTpm()).as("200000.0 is a whole number").isEqualTo(200000);
    assertThat(config.apiKeys().get(4).active()).isFalse();
  }

  @Test
  void envFileQuotesExportAndCommentsAreHonoured() {
    KeyTriageConfig config = load(Map.of()).config();

    assertThat(config.apiKeys().get(2).apiKey().reveal())
        .isEqualTo("nvapi-TEST-streaming-0000000000000000000000000000000003");
    assertThat(config.apiKeys().get(3).apiKey().reveal())
        .isEqualTo("nvapi-TEST-batch-000000000000000000000000000000000000004");
    assertThat(config.apiKeys().get(4).apiKey().reveal())
        .isEqualTo("nvapi-TEST-multimodal-000000000000000000000000000000005");
  }

  @Test
  void readsStrategies() {
    KeyTriageConfig config = load(Map.of()).config();

    assertThat(config.defaultStrategy()).isEqualTo("round_robin");
    assertThat(config.strategyFor("batch_processing")).isEqualTo("least_loaded");
    assertThat(config.strategyFor("streaming_insights")).isEqualTo("priority");
    assertThat(config.strategyFor("genomics_analysis")).isEqualTo("round_robin");
    assertThat(config.strategySettings())
        .containsEntry("least_loaded", Map.of("window_seconds", "60", "prefer_cheaper", "true"))
        .containsEntry("priority", Map.of("rotate_ties", "true", "exploration_share", "0.5"));
  }

  @Test
  void theEnvironmentWinsOverTheEnvFile() {
    KeyTriageConfig config =
        load(Map.of("NVIDIA_API_KEY_BACKUP", "nvapi-from-the-environment-000000000000")).config();

    assertThat(config.apiKeys().get(5).apiKey().reveal())
        .isEqualTo("nvapi-from-the-environment-000000000000");
    assertThat(config.apiKeys().get(0).apiKey().reveal())
        .as("other variables still come from the file")
        .isEqualTo("nvapi-TEST-medical-text-0000000000000000000000000000000001");
  }

  @Test
  void aCleanFileHasNoWarnings() {
    assertThat(load(Map.of()).warnings()).isEmpty();
  }
}
