package org.keytriage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.ConfigException;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.testing.MutableClock;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KeyTriage as a plain Java library: from the guide's files, or from the builders. */
class LibraryEntryPointTest {

  @Test
  void startsFromTheGuidesFilesInAWorkingDirectoryAndRoutesEveryTaskType(@TempDir Path dir) throws IOException {
    copyTree(Path.of("src/test/resources/config/full"), dir);
    MutableClock clock = new MutableClock();
    try (KeyTriage kt = KeyTriage.fromWorkingDirectory(dir, KeyTriage.builderDefaults().clock(clock))) {
      assertThat(kt.config().source()).endsWith("api_keys_config.json");
      for (String task : TaskTypes.BUILT_IN) {
        Allocation a = kt.allocate(task, RoutingHints.ofTokens(100));
        ApiKeyConfig key =
            kt.config().apiKeys().stream().filter(k -> k.keyId().equals(a.keyId())).findFirst().orElseThrow();
        assertThat(key.serves(task)).isTrue();
        assertThat(a.apiKey().reveal()).startsWith("nvapi-TEST-");
        a.succeeded(80, 20);
      }
      assertThat(kt.metrics().totalRequests()).isEqualTo(6);
    }
  }

  @Test
  void builderConfigsAreValidatedWithTheSameRules() {
    KeyTriageConfig bad =
        KeyTriageConfig.builder()
            .addKey(ApiKeyConfig.builder("dup").apiKey("nvapi-builder-secret-value-123456").maxRpm(0).maxTpm(10).taskTypes("x_ray_magic").build())
            .addKey(ApiKeyConfig.builder("dup").apiKey("nvapi-builder-secret-value-123456").maxRpm(5).maxTpm(10).taskTypes(TaskTypes.GENOMICS_ANALYSIS).build())
            .defaultStrategy("fastest")
            .build();
    assertThatThrownBy(() -> KeyTriage.builder(bad).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("max_rpm")
        .hasMessageContaining("x_ray_magic")
        .hasMessageContaining("used twice")
        .hasMessageContaining("unknown strategy 'fastest'")
        .hasMessageContaining("round_robin")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("nvapi-builder-secret-value-123456"));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
