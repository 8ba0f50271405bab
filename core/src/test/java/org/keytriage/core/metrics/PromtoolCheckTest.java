package org.keytriage.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.errors.KeyTriageException;
import org.keytriage.core.events.GatewayEvents;
import org.keytriage.core.events.Origin;
import org.keytriage.core.gateway.Call;
import org.keytriage.core.testing.MutableClock;
import org.keytriage.simulator.KeyBehaviour;
import org.keytriage.simulator.NvidiaSimulator;
import org.keytriage.simulator.Scenario;
import org.keytriage.simulator.SimulatorConfig;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskTypes;
import org.keytriage.spi.UpstreamRequest;

/**
 * Runs Prometheus' own linter, {@code promtool check metrics}, on what an engine renders after a
 * realistic mix of requests against the simulator: answers, a 429 and a revoked key failed over, a
 * broken stream, a request no key can take, an unknown task type. Needs {@code promtool} (Debian
 * package {@code prometheus}); without it the test fails rather than skips, since then nothing
 * would check the format.
 */
class PromtoolCheckTest {
  private static final String MEDICAL = TaskTypes.MEDICAL_TEXT_ANALYSIS;
  private static final String GENOMICS = TaskTypes.GENOMICS_ANALYSIS;
  private static final String STREAMING = TaskTypes.STREAMING_INSIGHTS;
  private static final String REPORTS = TaskTypes.DIAGNOSTIC_REPORT_GENERATION;

  private final MutableClock clock = new MutableClock();
  private NvidiaSimulator simulator;
  private KeyTriage keyTriage;
  private RequestMetrics metrics;
  private GatewayEvents.Subscription subscription;

  @BeforeEach
  void start() {
    Scenario.Builder scenario = Scenario.builder().seed(7)
        .key(secret("throttled"), KeyBehaviour.builder().always429(true).label("throttled").build())
        .key(secret("revoked"), KeyBehaviour.builder().revoked(true).label("revoked").build())
        .key(secret("steady"), KeyBehaviour.defaults().withLabel("steady"))
        .key(secret("breaker"), KeyBehaviour.builder().breakStreamAfterChunks(2).label("breaker").build())
        .key(secret("reports"), KeyBehaviour.defaults().withLabel("reports"));
    simulator = NvidiaSimulator.start(
        SimulatorConfig.builder().clock(clock).scenario(scenario.build()).maxHang(Duration.ofSeconds(5)).build());
    KeyTriageConfig config = KeyTriageConfig.builder().defaultStrategy("priority")
        .addKey(key("throttled", 5, MEDICAL).build())
        .addKey(key("revoked", 4, MEDICAL).build())
        .addKey(key("steady", 1, MEDICAL, GENOMICS).costPerToken(0.002).build())
        .addKey(key("breaker", 1, STREAMING).costPerToken(0.001).build())
        .addKey(key("reports", 1, REPORTS).build())
        .build();
    keyTriage = KeyTriage.builder(config).clock(clock).build();
    metrics = RequestMetrics.forEngine(keyTriage);
    subscription = keyTriage.events().subscribe(metrics);
  }

  @AfterEach
  void stop() {
    if (subscription != null) {
      subscription.close();
    }
    if (keyTriage != null) {
      keyTriage.close();
    }
    if (simulator != null) {
      simulator.close();
    }
  }

  @Test
  void promtoolFindsNoProblemInWhatARealisticRunRenders() throws Exception {
    for (int i = 0; i < 3; i++) {
      keyTriage.gateway().complete(Call.of(MEDICAL, chat("Extract findings from synthetic note " + i)));
    }
    keyTriage.gateway().complete(new Call(GENOMICS, chat("Summarise variant list"), RoutingHints.DEFAULT,
        Origin.BATCH, "lab"));
    assertThatThrownBy(() -> keyTriage.gateway().stream(Call.of(STREAMING, chat("Stream the ward round")), json -> {}))
        .isInstanceOf(KeyTriageException.class);
    keyTriage.setActive("reports", false);
    assertThatThrownBy(() -> keyTriage.gateway().complete(Call.of(REPORTS, chat("Draft a report"))))
        .isInstanceOf(KeyTriageException.class);
    assertThatThrownBy(() -> keyTriage.gateway().complete(Call.of("not_a_task", chat("?"))))
        .isInstanceOf(KeyTriageException.class);
    clock.advance(Duration.ofSeconds(20));

    String text = PrometheusText.of(keyTriage, metrics).render();
    Exposition e = new Exposition(text);

    assertThat(e.value("keytriage_requests_total{task_type=\"medical_text_analysis\",key=\"steady\",outcome=\"success\",origin=\"library\"}"))
        .isEqualTo("3");
    assertThat(e.value("keytriage_requests_total{task_type=\"genomics_analysis\",key=\"steady\",outcome=\"success\",origin=\"batch\"}"))
        .isEqualTo("1");
    assertThat(e.value("keytriage_requests_total{task_type=\"streaming_insights\",key=\"breaker\",outcome=\"upstream_stream_error\",origin=\"library\"}"))
        .isEqualTo("1");
    assertThat(e.value("keytriage_requests_total{task_type=\"diagnostic_report_generation\",key=\"none\",outcome=\"no_available_key\",origin=\"library\"}"))
        .isEqualTo("1");
    assertThat(e.value("keytriage_requests_total{task_type=\"unknown\",key=\"none\",outcome=\"unknown_task_type\",origin=\"library\"}"))
        .isEqualTo("1");
    assertThat(e.value("keytriage_failovers_total{task_type=\"medical_text_analysis\"}")).isEqualTo("2");
    assertThat(e.value("keytriage_key_penalties_total{key=\"throttled\",penalty=\"rate_limited\"}")).isEqualTo("1");
    assertThat(e.value("keytriage_key_penalties_total{key=\"revoked\",penalty=\"quarantined\"}")).isEqualTo("1");
    assertThat(e.value("keytriage_key_cooldown_remaining_seconds{key=\"throttled\"}")).isEqualTo("40");
    assertThat(e.value("keytriage_key_quarantined{key=\"revoked\"}")).isEqualTo("1");
    assertThat(e.value("keytriage_key_active{key=\"reports\"}")).isEqualTo("0");
    assertThat(Long.parseLong(e.value("keytriage_tokens_total{task_type=\"streaming_insights\",key=\"breaker\"}")))
        .isPositive();
    assertThat(Double.parseDouble(e.value("keytriage_cost_dollars_total{task_type=\"streaming_insights\",key=\"breaker\"}")))
        .isPositive();
    assertThat(text).doesNotContain("nvapi-").doesNotContain("synthetic note").doesNotContain("not_a_task");

    // kept for a person to read when promtool complains
    Files.writeString(Path.of("target", "promtool-check-metrics-input.txt"), text);
    Promtool.Result r = Promtool.checkMetrics(text);
    assertThat(r.output().lines().filter(l -> l.contains("keytriage_"))).as(r.output()).isEmpty();
    assertThat(r.exitCode()).as("promtool check metrics said:\n" + r.output()).isZero();
  }

  @Test
  void promtoolAcceptsEscapedLabelValues() throws Exception {
    RequestMetrics anyTask = new RequestMetrics(t -> true, k -> 0);
    anyTask.on(new org.keytriage.core.events.RequestFailed(clock.instant(), "r-1", "quote\" back\\slash\nnewline",
        Origin.LIBRARY, "library", org.keytriage.core.errors.ErrorCode.INTERNAL_ERROR, null, 0, 0, 0, 1_000));

    Promtool.Result r = Promtool.checkMetrics(new PrometheusText(anyTask, List::of).render());
    assertThat(r.exitCode()).as("promtool check metrics said:\n" + r.output()).isZero();
    assertThat(r.output()).isEmpty();
  }

  private ApiKeyConfig.Builder key(String id, int priority, String... tasks) {
    return ApiKeyConfig.builder(id).apiKey(secret(id)).baseUrl(simulator.baseUri().toString()).maxRpm(600)
        .maxTpm(100_000).priority(priority).taskTypes(tasks);
  }

  private static String secret(String id) {
    return "nvapi-sim-" + id + "-0123456789abcdefXYZ";
  }

  private static UpstreamRequest chat(String text) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", "meta/llama-3.1-8b-instruct");
    body.put("messages", List.of(Map.of("role", "user", "content", text)));
    body.put("max_tokens", 32);
    return new UpstreamRequest("/v1/chat/completions", "meta/llama-3.1-8b-instruct", body, false);
  }

  /** Runs the real {@code promtool}; fails, naming the package to install, when it is not there. */
  static final class Promtool {
    record Result(int exitCode, String output) {}

    static Result checkMetrics(String exposition) throws IOException, InterruptedException {
      Process p = new ProcessBuilder(executable().toString(), "check", "metrics").redirectErrorStream(true).start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(exposition.getBytes(StandardCharsets.UTF_8));
      }
      // promtool reads all of its input before it writes: reading after writing cannot deadlock
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("promtool check metrics did not finish within 60 s");
      }
      return new Result(p.exitValue(), output);
    }

    private static Path executable() {
      for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
        Path candidate = Path.of(dir, "promtool");
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
      throw new AssertionError("promtool is not on the PATH; it checks the metrics format. Install it with "
          + "`apt-get install -y prometheus` (Debian's package; .ci/run does so when it is missing).");
    }
  }
}
