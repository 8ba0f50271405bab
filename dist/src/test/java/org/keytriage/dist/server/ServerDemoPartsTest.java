package org.keytriage.dist.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server demo's options and credentials, without starting anything. */
class ServerDemoPartsTest {
  @TempDir Path bundle;

  @Test
  void optionsHaveDefaultsAndNeedACompleteBundle() throws Exception {
    assertThatThrownBy(() -> ServerDemoOptions.parse(new String[0], bundle))
        .hasMessageContaining("has no payara-micro.jar").hasMessageContaining("mvn -B install -DskipTests");
    for (String f : new String[] {"payara-micro.jar", "keytriage.war", "keytriage-simulator.jar"}) {
      Files.writeString(bundle.resolve(f), "");
    }
    ServerDemoOptions o = ServerDemoOptions.parse(new String[0], bundle);
    assertThat(o.port()).isEqualTo(8080);
    assertThat(o.requests()).isEqualTo(300);
    assertThat(o.threads()).isEqualTo(8);
    assertThat(ServerDemoOptions.parse(new String[] {"--port", "9090", "--requests", "10"}, bundle).port()).isEqualTo(9090);
    assertThatThrownBy(() -> ServerDemoOptions.parse(new String[] {"--port", "99999"}, bundle))
        .hasMessageContaining("--port takes a whole number from 1 to 65535").hasMessageContaining("usage: keytriage demo");
    assertThatThrownBy(() -> ServerDemoOptions.parse(new String[] {"--verbose", "1"}, bundle)).hasMessageContaining("unknown option");
  }

  @Test
  void typedResultsArePrintedAsCountsAndScoresNeverTheirText() {
    var genomics = JsonBodies.parse("{\"summary\":\"secret text\",\"variant_interpretations\":[{},{}],"
        + "\"risk\":{\"polygenic_risk_score\":0.8,\"scored_variants\":2,\"total_variants\":3,\"category\":\"moderate\"}}")
        .asJsonObject();
    assertThat(TypedTasksDemo.describe("genomics_analysis", genomics, true))
        .isEqualTo("PRS 0.80 from 2 of 3 variants, category moderate; 2 variant interpretations");
    var text = JsonBodies.parse("{\"summary\":\"secret text\",\"symptoms\":[\"a\",\"b\"],\"findings\":[]}").asJsonObject();
    assertThat(TypedTasksDemo.describe("medical_text_analysis", text, true)).startsWith("2 symptoms, 0 findings")
        .doesNotContain("secret");
    assertThat(TypedTasksDemo.describe("multimodal_fusion", JsonBodies.parse("{\"text\":\"secret text\"}").asJsonObject(), false))
        .isEqualTo("unstructured answer (11 characters)");
    assertThat(TypedTasksDemo.INPUTS).containsOnlyKeys(org.keytriage.spi.TaskTypes.BUILT_IN);
  }

  @Test
  void theServerGetsHashesNeverTheCredentials() {
    DemoCredentials c = DemoCredentials.random();
    Map<String, String> p = c.serverProperties(bundle);
    assertThat(p).containsKeys("keytriage.config-dir", "keytriage.integrators", "keytriage.users", "keytriage.default-task-type");
    assertThat(p.get("keytriage.integrators")).isEqualTo("demo:" + PasswordHashes.sha256Hex(c.integratorToken())
        + ":medical_text_analysis|diagnostic_report_generation|genomics_analysis|streaming_insights|batch_processing"
        + "|multimodal_fusion");
    assertThat(p.get("keytriage.users")).startsWith("admin:admin:PBKDF2WithHmacSHA256:").contains(",ops:ops:PBKDF2WithHmacSHA256:");
    assertThat(p.toString()).doesNotContain(c.integratorToken()).doesNotContain(c.adminPassword()).doesNotContain(c.opsPassword());
    assertThat(c.toString()).doesNotContain(c.integratorToken()).doesNotContain(c.adminPassword());
    assertThat(DemoCredentials.random().integratorToken()).isNotEqualTo(c.integratorToken()).startsWith("kt-demo-");
  }
}
