package org.keytriage.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SimulatorMainTest {
  private static final Pattern READY =
      Pattern.compile("NVIDIA simulator listening on (http://127\\.0\\.0\\.1:(\\d+))");

  @Test
  void launchesTheDemoScenarioAndServesModels() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (NvidiaSimulator simulator =
        SimulatorMain.launch(
            new String[] {"--port", "0", "--scenario", "classpath:scenarios/demo.json"},
            new PrintStream(printed, true, StandardCharsets.UTF_8))) {
      Matcher ready = READY.matcher(printed.toString(StandardCharsets.UTF_8));
      assertThat(ready.find()).as("printed the ready line").isTrue();
      assertThat(Integer.parseInt(ready.group(2))).isEqualTo(simulator.port());

      HttpResponse<String> models =
          new SimClient(URI.create(ready.group(1))).get("/v1/models", "sim-batch-key-01");

      assertThat(models.statusCode()).isEqualTo(200);
      assertThat(models.body()).contains("meta/llama-3.1-8b-instruct");
    }
  }

  @Test
  void equalsFormAndDefaultScenarioWork() {
    try (NvidiaSimulator simulator =
        SimulatorMain.launch(
            new String[] {"--port=0"}, new PrintStream(new ByteArrayOutputStream()))) {
      assertThat(simulator.behaviour("medical_text_primary")).isPresent();
    }
  }

  @Test
  void badArgumentsAreExplained() {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

    assertThatThrownBy(() -> SimulatorMain.launch(new String[] {"--port"}, quiet))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--port needs a value");
    assertThatThrownBy(() -> SimulatorMain.launch(new String[] {"--port", "http"}, quiet))
        .hasMessageContaining("--port must be a number within 0..65535");
    assertThatThrownBy(() -> SimulatorMain.launch(new String[] {"--prot", "1"}, quiet))
        .hasMessageContaining("unknown argument '--prot'");
    assertThatThrownBy(
            () ->
                SimulatorMain.launch(
                    new String[] {"--port", "0", "--scenario", "nope.json"}, quiet))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("scenario file not found");
  }

  @Test
  void runReportsErrorsWithExitStatuses() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream out = new PrintStream(new ByteArrayOutputStream());

    assertThat(SimulatorMain.run(new String[] {"--bogus"}, out, errStream)).isEqualTo(2);
    assertThat(
            SimulatorMain.run(new String[] {"--port", "0", "--scenario", "x.json"}, out, errStream))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("error: unknown argument '--bogus'")
        .contains("usage:")
        .contains("scenario file not found");

    ByteArrayOutputStream help = new ByteArrayOutputStream();
    assertThat(
            SimulatorMain.run(
                new String[] {"--help"},
                new PrintStream(help, true, StandardCharsets.UTF_8),
                errStream))
        .isZero();
    assertThat(help.toString(StandardCharsets.UTF_8)).contains("--scenario");
  }

  @Test
  void aBusyPortIsReportedClearly() {
    try (NvidiaSimulator first = NvidiaSimulator.start(SimulatorConfig.builder().build())) {
      String port = Integer.toString(first.port());
      assertThatThrownBy(
              () ->
                  SimulatorMain.launch(
                      new String[] {"--port", port}, new PrintStream(new ByteArrayOutputStream())))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("cannot listen on 127.0.0.1:" + port);
    }
  }
}
