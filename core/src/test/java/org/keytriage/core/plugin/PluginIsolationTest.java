package org.keytriage.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.routing.Allocation;
import org.keytriage.spi.BalancingStrategy;
import org.keytriage.spi.BalancingStrategyFactory;
import org.keytriage.spi.CandidateKey;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.RoutingRequest;
import org.keytriage.spi.TaskTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugins folder with one good, one throwing and one missing provider: routing survives all. */
class PluginIsolationTest {

  /** A vendor strategy that always throws while ordering. */
  public static final class ExplodingStrategyFactory implements BalancingStrategyFactory {
    @Override
    public String id() {
      return "exploding";
    }

    @Override
    public String description() {
      return "Throws on every request, to prove the router isolates it.";
    }

    @Override
    public BalancingStrategy create(ProviderConfig config) {
      return (List<CandidateKey> candidates, RoutingRequest request) -> {
        throw new IllegalStateException("vendor bug");
      };
    }
  }

  /** A vendor factory whose constructor fails. */
  public static final class UnconstructibleStrategyFactory implements BalancingStrategyFactory {
    public UnconstructibleStrategyFactory() {
      throw new IllegalStateException("cannot start");
    }

    @Override
    public String id() {
      return "unconstructible";
    }

    @Override
    public String description() {
      return "never built";
    }

    @Override
    public BalancingStrategy create(ProviderConfig config) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void badProvidersAreReportedAndIsolatedGoodOnesLoad(@TempDir Path plugins) throws IOException {
    writePluginJar(
        plugins.resolve("vendor-strategies.jar"),
        ExplodingStrategyFactory.class.getName(),
        UnconstructibleStrategyFactory.class.getName(),
        "com.example.DoesNotExist");

    KeyTriageConfig config =
        KeyTriageConfig.builder()
            .addKey(key("a"))
            .addKey(key("b"))
            .strategy(TaskTypes.MEDICAL_TEXT_ANALYSIS, "exploding")
            .build();
    try (KeyTriage kt = KeyTriage.builder(config).pluginsDirectory(plugins).build()) {
      assertThat(kt.strategies().ids()).contains("exploding", "round_robin", "lowest_cost");
      assertThat(kt.strategies().ids()).doesNotContain("unconstructible");
      assertThat(kt.strategies().problems())
          .extracting(PluginProblem::message)
          .anySatisfy(m -> assertThat(m).contains("cannot start"))
          .anySatisfy(m -> assertThat(m).contains("com.example.DoesNotExist"));

      // the exploding strategy is isolated: the router falls back to configured order
      for (int i = 0; i < 3; i++) {
        Allocation a = kt.allocate(TaskTypes.MEDICAL_TEXT_ANALYSIS, RoutingHints.ofTokens(1));
        assertThat(a.keyId()).isEqualTo("a");
        a.release();
      }
    }
  }

  private static ApiKeyConfig key(String id) {
    return ApiKeyConfig.builder(id)
        .apiKey("plugin-test-secret-" + id + "-abcdef")
        .maxRpm(100)
        .maxTpm(100_000)
        .taskTypes(TaskTypes.MEDICAL_TEXT_ANALYSIS)
        .build();
  }

  /** A jar with only a service file: its classes come from the parent loader, as a real plugin's SPI does. */
  private static void writePluginJar(Path jar, String... providers) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jos = new JarOutputStream(out)) {
      jos.putNextEntry(new JarEntry("META-INF/services/" + BalancingStrategyFactory.class.getName()));
      jos.write(String.join("\n", providers).getBytes(StandardCharsets.UTF_8));
      jos.closeEntry();
    }
  }
}
