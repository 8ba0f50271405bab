package org.keytriage.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.spi.TaskHandlerFactory;
import org.keytriage.spi.TaskTypes;
import org.keytriage.tasks.tck.ProviderConfigs;

class BuiltInTaskHandlersTest {
  @Test
  void serviceLoaderFindsOneFactoryPerGuideTaskType() {
    List<String> ids = new ArrayList<>();
    ServiceLoader.load(TaskHandlerFactory.class).forEach(f -> ids.add(f.id()));

    assertThat(ids).containsExactlyInAnyOrderElementsOf(BuiltInTaskHandlers.ALL);
    assertThat(BuiltInTaskHandlers.ALL).isEqualTo(TaskTypes.BUILT_IN);
  }

  @Test
  void everyHandlerCreatesWithDefaultsAndServesItsId() {
    ServiceLoader.load(TaskHandlerFactory.class).forEach(f -> {
      assertThat(f.order()).as("built-ins use order 0, so a vendor can replace them").isZero();
      assertThat(f.create(ProviderConfigs.empty()).taskType()).isEqualTo(f.id());
      assertThat(f.configProperties()).extracting(p -> p.name())
          .contains(BuiltInTaskHandlers.SETTING_MODEL, BuiltInTaskHandlers.SETTING_TEMPERATURE,
              BuiltInTaskHandlers.SETTING_MAX_TOKENS);
    });
  }

  @Test
  void aConfigWithoutTheGatewaysJsonCodecFailsAtCreationNotOnTheFirstRequest() {
    ServiceLoader.load(TaskHandlerFactory.class).forEach(f -> {
      for (ProviderConfig config : new ProviderConfig[] {null, ProviderConfig.empty()}) {
        assertThatThrownBy(() -> f.create(config))
            .as("%s.create(%s)", f.id(), config)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("plugin registry");
      }
    });
  }

  /** The handlers are plugins: they may use the spi and the JDK, never the engine. */
  @Test
  void handlersAndResultsDoNotDependOnTheEngine() throws IOException {
    Path main = Path.of("src/main/java/org/keytriage/tasks");
    for (Path dir : List.of(main, main.resolve("internal"), main.resolve("results"))) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          assertThat(Files.readString(file)).as("%s", file)
              .doesNotContain("org.keytriage.core")
              .doesNotContain("System.Logger")
              .doesNotContain("java.util.logging");
        }
      }
    }
  }
}
