package org.keytriage.web.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keytriage.core.config.ConfigException;
import org.keytriage.web.config.WebSettings;

class EngineOpenerTest {
  private static final String SECRET = "nvapi-unit-test-secret-0123456789";

  @TempDir Path dir;

  private WebSettings settings(Map<String, String> extra) {
    Map<String, String> values = new java.util.HashMap<>(extra);
    values.put(WebSettings.CONFIG_DIR, dir.toString());
    return WebSettings.from(new org.keytriage.web.config.MapSettings(values));
  }

  private void write(String json, String env) throws Exception {
    Files.createDirectories(dir.resolve("config"));
    Files.writeString(dir.resolve("config/api_keys_config.json"), json);
    Files.writeString(dir.resolve(".env.api_keys"), env);
  }

  @Test
  void opensTheGuidesFilesWithTheBuiltInStrategies() throws Exception {
    write("""
        {"api_keys": [{"key_id": "k1", "api_key": "${NVIDIA_API_KEY_UNIT}", "max_rpm": 10, "max_tpm": 1000,
          "priority": 1, "task_types": ["batch_processing"], "cost_per_token": 0.0001}],
         "task_strategies": {"batch_processing": "lowest_cost"}}
        """, "NVIDIA_API_KEY_UNIT=" + SECRET + "\n");
    try (EngineOpener.Opened opened = EngineOpener.open(settings(Map.of(WebSettings.REQUEST_DEADLINE, "7")),
        getClass().getClassLoader())) {
      assertThat(opened.keyTriage().strategyOf("batch_processing")).isEqualTo("lowest_cost");
      assertThat(opened.keyTriage().strategies().ids()).contains("round_robin", "priority", "weighted");
      assertThat(opened.keyTriage().upstreamSettings().requestDeadline().toSeconds()).isEqualTo(7);
      assertThat(opened.keyTriage().upstreamSettings().attemptTimeout().toSeconds()).as("never beyond the deadline").isEqualTo(7);
    }
  }

  @Test
  void aBadConfigurationFailsWithTheLoadersMessageAndNoSecret() throws Exception {
    write("""
        {"api_keys": [{"key_id": "k1", "api_key": "%s", "max_rpm": -5, "max_tpm": 1000,
          "priority": 1, "task_types": ["batch_processing"], "cost_per_token": 0.0001}]}
        """.formatted(SECRET), "");
    assertThatThrownBy(() -> EngineOpener.open(settings(Map.of()), getClass().getClassLoader()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("api_keys_config.json").hasMessageContaining("max_rpm")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void aMissingConfigurationSaysWhereItLooked() {
    assertThatThrownBy(() -> EngineOpener.open(settings(Map.of()), getClass().getClassLoader()))
        .isInstanceOf(ConfigException.class).hasMessageContaining(dir.toString());
  }
}
