package org.keytriage.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {
  @Test
  void demoScenarioHasAKeyPerTaskTypePlusBackupLimitedAndFlaky() {
    Scenario demo = Scenario.load("classpath:scenarios/demo.json");

    List<String> labels = demo.keys().values().stream().map(KeyBehaviour::label).toList();
    assertThat(labels)
        .contains(
            "medical_text_primary",
            "diagnostic_report_primary",
            "genomics_primary",
            "streaming_primary",
            "batch_primary",
            "multimodal_primary",
            "shared_backup");
    assertThat(demo.seed()).isEqualTo(42);
    assertThat(demo.keys().values()).anyMatch(b -> b.rpm() == 30);
    assertThat(demo.keys().values()).anyMatch(b -> b.errorRate() == 0.1);
    assertThat(demo.keys().get("sim-medical-text-key-01").latencyMs()).isEqualTo(20);
  }

  @Test
  void demoKeysDoNotLookLikeRealNvidiaKeys() {
    Pattern real = Pattern.compile("nvapi-[A-Za-z0-9_-]{20,}");

    assertThat(Scenario.load("classpath:scenarios/demo.json").keys().keySet())
        .noneMatch(k -> real.matcher(k).find());
  }

  @Test
  void missingSettingsTakeTheirDefaults() {
    Scenario scenario = Scenario.parse("{\"keys\": [{\"api_key\": \"sim-a\"}]}");

    KeyBehaviour b = scenario.keys().get("sim-a");
    assertThat(b.label()).isNull();
    assertThat(b.rpm()).isZero();
    assertThat(b.errorStatuses()).containsExactly(500, 502, 503);
    assertThat(scenario.seed()).isZero();
    assertThat(scenario.acceptUnknownKeys()).isFalse();
  }

  @Test
  void errorsNameTheCulprit() {
    assertThatThrownBy(() -> Scenario.parse("{\"keys\": [{\"api_key\": \"a\", \"rpm\": \"30\"}]}"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("keys[0].rpm");
    assertThatThrownBy(() -> Scenario.parse("{\"keys\": [{\"api_key\": \"a\", \"latncy_ms\": 3}]}"))
        .hasMessageContaining("keys[0].latncy_ms is not a known field");
    assertThatThrownBy(() -> Scenario.parse("{\"keys\": [{\"label\": \"x\"}]}"))
        .hasMessageContaining("keys[0].api_key is required");
    assertThatThrownBy(
            () -> Scenario.parse("{\"keys\": [{\"api_key\": \"a\", \"error_rate\": 1.5}]}"))
        .hasMessageContaining("error_rate");
    assertThatThrownBy(
            () -> Scenario.parse("{\"keys\": [{\"api_key\": \"a\", \"error_statuses\": [404]}]}"))
        .hasMessageContaining("error_statuses");
    assertThatThrownBy(
            () ->
                Scenario.parse(
                    "{\"keys\": [{\"api_key\": \"a\", \"label\": \"x\"},"
                        + " {\"api_key\": \"b\", \"label\": \"x\"}]}"))
        .hasMessageContaining("label 'x'");
    assertThatThrownBy(() -> Scenario.parse("[1, 2]")).isInstanceOf(ScenarioException.class);
    assertThatThrownBy(() -> Scenario.parse("{not json")).isInstanceOf(ScenarioException.class);
    assertThatThrownBy(() -> Scenario.load("classpath:scenarios/missing.json"))
        .hasMessageContaining("not found");
    assertThatThrownBy(() -> Scenario.load(Path.of("/no/such/scenario.json")))
        .hasMessageContaining("not found");
  }

  @Test
  void loadsFromAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("s.json");
    Files.writeString(
        file,
        "{\"seed\": 5, \"accept_unknown_keys\": true,"
            + " \"keys\": [{\"api_key\": \"sim-file-key\", \"label\": \"file\", \"hang\": true,"
            + " \"hang_ms\": 10, \"break_stream_after_chunks\": 2}]}");

    Scenario scenario = SimulatorConfig.builder().scenario(file.toString()).build().scenario();

    assertThat(scenario.seed()).isEqualTo(5);
    assertThat(scenario.acceptUnknownKeys()).isTrue();
    KeyBehaviour b = scenario.keys().get("sim-file-key");
    assertThat(b.hang()).isTrue();
    assertThat(b.hangMs()).isEqualTo(10);
    assertThat(b.breakStreamAfterChunks()).isEqualTo(2);
    assertThat(scenario.toString()).doesNotContain("sim-file-key");
  }
}
