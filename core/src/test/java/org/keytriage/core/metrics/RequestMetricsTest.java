package org.keytriage.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keytriage.core.accounting.KeyMetrics;
import org.keytriage.core.errors.ErrorCode;
import org.keytriage.core.events.KeyChanged;
import org.keytriage.core.events.KeyPenalised;
import org.keytriage.core.events.Origin;
import org.keytriage.core.events.RequestFailed;
import org.keytriage.core.events.RequestServed;
import org.keytriage.core.keys.CircuitState;
import org.keytriage.spi.RoutingHints;

/** Accumulation and rendering, from events built by hand: no engine, no clock, no sleep. */
class RequestMetricsTest {
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
  private static final long MS = 1_000_000L;
  private static final String TASK = "medical_text_analysis";

  private final RequestMetrics metrics =
      new RequestMetrics(Set.of(TASK, "genomics_analysis")::contains, key -> key.equals("k1") ? 0.001 : 0.002);

  private static RequestServed served(String key, long tokens, double cost, int attempts, long nanos) {
    return new RequestServed(AT, "r-1", TASK, Origin.OPENAI, "ehr", RoutingHints.DEFAULT, "m", key, tokens / 2,
        tokens - tokens / 2, cost, attempts, nanos / MS, nanos, false);
  }

  private static RequestFailed failed(String task, ErrorCode code, String key, long tokens, int attempts) {
    return new RequestFailed(AT, "r-2", task, Origin.BATCH, "ehr", code, key, tokens, 0, attempts, 20 * MS);
  }

  private Exposition render(List<KeyMetrics> keys) {
    return new Exposition(new PrometheusText(metrics, () -> keys).render());
  }

  @Test
  void requestsAreCountedByTaskKeyOutcomeAndOrigin() {
    metrics.on(served("k1", 100, 0.1, 1, 300 * MS));
    metrics.on(served("k1", 100, 0.1, 1, 300 * MS));
    metrics.on(failed(TASK, ErrorCode.NO_AVAILABLE_KEY, null, 0, 0));
    metrics.on(failed(TASK, ErrorCode.UPSTREAM_REJECTED, "k2", 0, 1));

    Exposition e = render(List.of());
    assertThat(e.value("keytriage_requests_total{task_type=\"medical_text_analysis\",key=\"k1\",outcome=\"success\",origin=\"v1\"}"))
        .isEqualTo("2");
    assertThat(e.value("keytriage_requests_total{task_type=\"medical_text_analysis\",key=\"none\",outcome=\"no_available_key\",origin=\"batch\"}"))
        .isEqualTo("1");
    assertThat(e.value("keytriage_requests_total{task_type=\"medical_text_analysis\",key=\"k2\",outcome=\"upstream_rejected_request\",origin=\"batch\"}"))
        .isEqualTo("1");
  }

  @Test
  void tokensAndCostAddUpAndAFailedRequestsTokensArePricedAtItsKeysRate() {
    metrics.on(served("k1", 120, 0.12, 1, MS));
    metrics.on(served("k1", 80, 0.08, 1, MS));
    metrics.on(failed(TASK, ErrorCode.STREAM_BROKEN, "k2", 50, 1)); // a broken stream's partial answer
    metrics.on(failed(TASK, ErrorCode.NO_AVAILABLE_KEY, null, 0, 0));

    Exposition e = render(List.of());
    assertThat(e.value("keytriage_tokens_total{task_type=\"medical_text_analysis\",key=\"k1\"}")).isEqualTo("200");
    assertThat(Double.parseDouble(e.value("keytriage_cost_dollars_total{task_type=\"medical_text_analysis\",key=\"k1\"}")))
        .isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(e.value("keytriage_tokens_total{task_type=\"medical_text_analysis\",key=\"k2\"}")).isEqualTo("50");
    assertThat(e.value("keytriage_cost_dollars_total{task_type=\"medical_text_analysis\",key=\"k2\"}")).isEqualTo("0.1");
    assertThat(e.samples.keySet()).noneMatch(s -> s.startsWith("keytriage_tokens_total") && s.contains("none"));
  }

  @Test
  void failoversCountAttemptsBeyondTheFirstAndPenaltiesCountPerKind() {
    metrics.on(served("k1", 10, 0, 3, MS));
    metrics.on(failed(TASK, ErrorCode.UPSTREAM_DEADLINE_EXCEEDED, null, 0, 2));
    metrics.on(new KeyPenalised(AT, "k2", KeyPenalised.Penalty.RATE_LIMITED, "429"));
    metrics.on(new KeyPenalised(AT, "k2", KeyPenalised.Penalty.RATE_LIMITED, "429"));
    metrics.on(new KeyPenalised(AT, "k3", KeyPenalised.Penalty.QUARANTINED, "401"));
    metrics.on(new KeyChanged(AT, "k3", KeyChanged.Change.RESTORED, "alice", "")); // not counted

    Exposition e = render(List.of());
    assertThat(e.value("keytriage_failovers_total{task_type=\"medical_text_analysis\"}")).isEqualTo("3");
    assertThat(e.value("keytriage_key_penalties_total{key=\"k2\",penalty=\"rate_limited\"}")).isEqualTo("2");
    assertThat(e.value("keytriage_key_penalties_total{key=\"k3\",penalty=\"quarantined\"}")).isEqualTo("1");
  }

  @Test
  void durationsAreAHistogramInSecondsWithCumulativeBucketsAndInfEqualToTheCount() {
    long[] nanos = {3 * MS, 5 * MS, 40 * MS, 500 * MS, 505_000_000L, 7_000 * MS, 200_000 * MS};
    for (long n : nanos) {
      metrics.on(served("k1", 1, 0, 1, n));
    }

    Exposition e = render(List.of());
    String prefix = "keytriage_request_duration_seconds_bucket{task_type=\"medical_text_analysis\",le=\"";
    List<String> bounds = List.of("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10",
        "30", "60", "120", "+Inf");
    List<Long> counts = bounds.stream().map(le -> Long.parseLong(e.value(prefix + le + "\"}"))).toList();
    assertThat(counts).containsExactly(2L, 2L, 2L, 3L, 3L, 3L, 4L, 5L, 5L, 5L, 6L, 6L, 6L, 6L, 7L);
    assertThat(counts).isSorted();
    assertThat(e.value("keytriage_request_duration_seconds_count{task_type=\"medical_text_analysis\"}")).isEqualTo("7");
    // exact seconds, not nanoseconds: 0.003 + 0.005 + 0.04 + 0.5 + 0.505 + 7 + 200
    assertThat(e.value("keytriage_request_duration_seconds_sum{task_type=\"medical_text_analysis\"}"))
        .isEqualTo("208.053");
    assertThat(e.samples.keySet().stream().filter(s -> s.startsWith("keytriage_request_duration_seconds_bucket")))
        .hasSize(bounds.size());
  }

  @Test
  void aTaskTypeTheEngineDoesNotRouteIsLabelledUnknown() {
    metrics.on(failed("made-up \"type\"", ErrorCode.UNKNOWN_TASK_TYPE, null, 0, 0));

    Exposition e = render(List.of());
    assertThat(e.value("keytriage_requests_total{task_type=\"unknown\",key=\"none\",outcome=\"unknown_task_type\",origin=\"batch\"}"))
        .isEqualTo("1");
    assertThat(e.text).doesNotContain("made-up");
  }

  @Test
  void labelValuesAreEscaped() {
    RequestMetrics anyTask = new RequestMetrics(t -> true, k -> 0);
    anyTask.on(new RequestFailed(AT, "r-3", "a\\b\"c\nd", Origin.LIBRARY, "library", ErrorCode.INTERNAL_ERROR, null, 0, 0, 0, 1));

    String text = new PrometheusText(anyTask, List::of).render();
    assertThat(text).contains("keytriage_requests_total{task_type=\"a\\\\b\\\"c\\nd\",key=\"none\"");
    // an escaped line feed never breaks a sample in two
    assertThat(text.lines()).allMatch(l -> l.startsWith("# ") || l.startsWith("keytriage_"));
  }

  @Test
  void everyFamilyHasHelpAndTypeEvenBeforeAnyRequestAndEverySampleBelongsToOne() {
    KeyMetrics key = key("k1", CircuitState.CLOSED, 0, 0.0);
    metrics.on(served("k1", 10, 0.01, 2, MS));
    metrics.on(new KeyPenalised(AT, "k1", KeyPenalised.Penalty.CIRCUIT_OPENED, "open"));

    Exposition e = render(List.of(key));
    assertThat(e.typedNames()).containsExactly("keytriage_requests_total", "keytriage_request_duration_seconds",
        "keytriage_tokens_total", "keytriage_cost_dollars_total", "keytriage_failovers_total",
        "keytriage_key_penalties_total", "keytriage_integrator_requests_total", "keytriage_integrator_tokens_total",
        "keytriage_integrator_cost_dollars_total", "keytriage_key_requests_in_window", "keytriage_key_tokens_in_window",
        "keytriage_key_rpm_limit", "keytriage_key_tpm_limit", "keytriage_key_active", "keytriage_key_usable",
        "keytriage_key_cooling_down", "keytriage_key_cooldown_remaining_seconds", "keytriage_key_quarantined",
        "keytriage_key_circuit_state", "keytriage_key_budget_utilisation_ratio");
    assertThat(e.helpedNames()).isEqualTo(e.typedNames());
    assertThat(new Exposition(new PrometheusText(new RequestMetrics(t -> true, k -> 0), List::of).render())
        .typedNames()).hasSize(e.typedNames().size());
    for (String sample : e.samples.keySet()) {
      String name = sample.contains("{") ? sample.substring(0, sample.indexOf('{')) : sample;
      assertThat(e.typedNames()).as(sample).anySatisfy(f -> assertThat(name).matches(f + "(_bucket|_sum|_count)?"));
    }
    assertThat(e.text).endsWith("\n").doesNotContain("\r");
  }

  @Test
  void keyGaugesAreReadFromTheKeysFiguresAtRenderTime() {
    KeyMetrics open = key("k1", CircuitState.OPEN, 12_500, 0.75);
    KeyMetrics halfOpen = key("k2", CircuitState.HALF_OPEN, 0, 0);

    Exposition e = render(List.of(open, halfOpen));
    assertThat(e.value("keytriage_key_requests_in_window{key=\"k1\"}")).isEqualTo("7");
    assertThat(e.value("keytriage_key_tokens_in_window{key=\"k1\"}")).isEqualTo("900");
    assertThat(e.value("keytriage_key_rpm_limit{key=\"k1\"}")).isEqualTo("600");
    assertThat(e.value("keytriage_key_tpm_limit{key=\"k1\"}")).isEqualTo("100000");
    assertThat(e.value("keytriage_key_active{key=\"k1\"}")).isEqualTo("1");
    assertThat(e.value("keytriage_key_usable{key=\"k1\"}")).isEqualTo("0");
    assertThat(e.value("keytriage_key_usable{key=\"k2\"}")).isEqualTo("1");
    assertThat(e.value("keytriage_key_cooling_down{key=\"k1\"}")).isEqualTo("1");
    assertThat(e.value("keytriage_key_cooldown_remaining_seconds{key=\"k1\"}")).isEqualTo("12.5");
    assertThat(e.value("keytriage_key_quarantined{key=\"k1\"}")).isEqualTo("0");
    assertThat(e.value("keytriage_key_circuit_state{key=\"k1\"}")).isEqualTo("2");
    assertThat(e.value("keytriage_key_circuit_state{key=\"k2\"}")).isEqualTo("1");
    assertThat(e.value("keytriage_key_budget_utilisation_ratio{key=\"k1\"}")).isEqualTo("0.75");
  }

  private static KeyMetrics key(String id, CircuitState circuit, long cooldownMillis, double budget) {
    return new KeyMetrics(id, List.of(TASK), false, 1, 0.001, 600, 100_000, true, false, cooldownMillis > 0,
        7, 900, 10, 9, 1, 90, 120, 110, 1000, 1.0, circuit, cooldownMillis, 0.5, 0.5, budget);
  }
}
