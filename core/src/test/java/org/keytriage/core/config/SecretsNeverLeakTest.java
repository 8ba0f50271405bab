package org.keytriage.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keytriage.core.config.ConfigFixture.SECRET;
import static org.keytriage.core.config.ConfigFixture.config;
import static org.keytriage.core.config.ConfigFixture.validEntry;
import static org.keytriage.core.config.ConfigFixture.with;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets invariant for config errors: even when a key ends up where messages echo text, the
 * message shows {@code ****} instead.
 */
class SecretsNeverLeakTest {
  @TempDir Path dir;
  private ConfigFixture fx;

  @BeforeEach
  void setUp() {
    fx = new ConfigFixture(dir);
  }

  @Test
  void aKeyPastedAsKeyIdIsScrubbedFromTheMessageAndAccessors() {
    fx.writeConfig(config(with(with(validEntry(SECRET), "max_rpm", "0"), "api_key", "\"${NVIDIA_API_KEY_MEDICAL_TEXT}\"")));

    ConfigException e = fx.loadFails(); // fails the test if SECRET appears

    assertThat(e.getMessage()).contains("key '****' (api_keys[0])").contains("max_rpm");
    assertThat(e.keyId()).isEqualTo("****");
  }

  @Test
  void aKeyFromTheEnvFilePastedAsATaskTypeIsScrubbed() {
    fx.unsetEnv("NVIDIA_API_KEY_MEDICAL_TEXT")
        .writeEnv("NVIDIA_API_KEY_MEDICAL_TEXT=" + SECRET + "\nNVIDIA_API_KEY_OTHER=nvapi-other-secret-999999\n")
        .writeConfig(
            config(with(validEntry("medical_text_primary"), "task_types",
                "[\"nvapi-other-secret-999999\"]")));

    ConfigException e = fx.loadFails();

    assertThat(e.getMessage()).contains("unknown task type '****'").doesNotContain("nvapi-other-secret-999999");
  }

  @Test
  void toStringOfTheLoaderDoesNotShowTheEnvironment() {
    fx.writeConfig(config(validEntry("medical_text_primary")));

    assertThat(fx.loader().toString()).doesNotContain(SECRET);
    assertThat(fx.load().apiKeys().get(0).toString()).doesNotContain(SECRET);
  }
}
