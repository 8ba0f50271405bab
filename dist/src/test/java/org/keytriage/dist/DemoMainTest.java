package org.keytriage.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo end to end: simulator, guide-format config, workload, report; no secret printed. */
class DemoMainTest {

  @Test
  void runsTheWorkloadWithoutClientFailuresAndPrintsTheGuidesReport() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      exit = DemoMain.run(new DemoOptions(120, 4, 0), out);
    }
    String output = bytes.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(output).isZero();
    assertThat(output)
        .contains("✅ Task-specific key allocation")
        .contains("(100.0%)")
        .contains("📊 Usage metrics and cost analysis")
        .contains("failed for the client: 0")
        .contains("🔄 Load balancing")
        .contains("💡 Optimization score:")
        .contains("🩺 Status:")
        .contains("120/120 requests");
    for (String task : org.keytriage.spi.TaskTypes.BUILT_IN) {
      assertThat(output).contains(task);
    }
    // the demo keys are the secrets here: none may be printed
    assertThat(output).doesNotContain("sim-medical-text-key-01").doesNotContain("sim-shared-backup-key-01");
  }

  @Test
  void badOptionsSayWhatIsAccepted() {
    assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--requests", "many"}))
        .hasMessageContaining("--requests takes a whole number")
        .hasMessageContaining("usage: keytriage library-demo");
    assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--port"}))
        .hasMessageContaining("--port needs a value");
  }
}
