package org.keytriage.core.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.testing.MutableClock;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Metrics, health and optimisation reports in the guide's shapes, computed from real routing. */
class ReportsTest {
  private final MutableClock clock = new MutableClock();
  private KeyTriage kt;

  @AfterEach
  void close() {
    kt.close();
  }

  private static ApiKeyConfig.Builder key(String id, String... tasks) {
    return ApiKeyConfig.builder(id)
        .apiKey("reports-secret-" + id + "-0123456789")
        .maxRpm(1000)
        .maxTpm(1_000_000)
        .taskTypes(tasks);
  }

  private void call(String task, boolean success, long tokens, long latency) {
    Allocation a = kt.allocate(task, RoutingHints.ofTokens(tokens));
    if (success) {
      a.succeeded(tokens, latency);
    } else {
      a.failed(0, latency);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void metricsHaveTheGuidesShapeAndNumbers() {
    kt =
        KeyTriage.builder(
                KeyTriageConfig.builder()
                    .addKey(key("medical_text_primary", TaskTypes.MEDICAL_TEXT_ANALYSIS).costPerToken(0.0001).build())
                    .addKey(key("batch_primary", TaskTypes.BATCH_PROCESSING).costPerToken(0.00005).build())
                    .build())
            .clock(clock)
            .build();
    call(TaskTypes.MEDICAL_TEXT_ANALYSIS, true, 1000, 100);
    call(TaskTypes.MEDICAL_TEXT_ANALYSIS, true, 500, 300);
    call(TaskTypes.MEDICAL_TEXT_ANALYSIS, false, 0, 50);
    call(TaskTypes.BATCH_PROCESSING, true, 2000, 1000);

    Map<String, Object> json = kt.metrics().toJson();
    assertThat(json).containsKeys(
        "total_cost", "total_requests", "overall_success_rate", "key_metrics", "cost_analysis", "task_distribution");
    assertThat(json.get("total_requests")).isEqualTo(4L);
    assertThat((double) json.get("total_cost")).isCloseTo(1500 * 0.0001 + 2000 * 0.00005, org.assertj.core.data.Offset.offset(1e-12));
    assertThat((double) json.get("overall_success_rate")).isEqualTo(75.0);

    Map<String, Object> medical = (Map<String, Object>) ((Map<String, Object>) json.get("key_metrics")).get("medical_text_primary");
    assertThat(medical).containsKeys("total_requests", "success_rate", "average_response_time", "current_rpm", "current_tpm");
    assertThat(medical.get("total_requests")).isEqualTo(3L);
    assertThat((double) medical.get("success_rate")).isCloseTo(66.666, org.assertj.core.data.Offset.offset(0.01));
    assertThat((double) medical.get("average_response_time")).isEqualTo(150.0);
    assertThat(medical.get("current_rpm")).isEqualTo(3L);
    assertThat(medical.get("current_tpm")).isEqualTo(1500L);

    assertThat((Map<String, Object>) json.get("task_distribution"))
        .containsEntry(TaskTypes.MEDICAL_TEXT_ANALYSIS, Map.of("medical_text_primary", 3L))
        .containsEntry(TaskTypes.BATCH_PROCESSING, Map.of("batch_primary", 1L));
    assertThat((Map<String, Object>) json.get("cost_analysis")).containsKeys("medical_text_primary", "batch_primary");
    assertThat(json.toString()).doesNotContain("reports-secret-");
  }

  @Test
  void optimisationUsesTheGuidesLowSuccessMessageAndScores() {
    kt =
        KeyTriage.builder(
                KeyTriageConfig.builder()
                    .addKey(key("medical_text_primary", TaskTypes.MEDICAL_TEXT_ANALYSIS).build())
                    .build())
            .clock(clock)
            .build();
    for (int i = 0; i < 8; i++) {
      call(TaskTypes.MEDICAL_TEXT_ANALYSIS, i % 4 != 0, 10, 10);
    }
    OptimizationReport report = kt.optimize();
    assertThat(report.recommendations())
        .extracting(Recommendation::message)
        .contains("Key medical_text_primary has low success rate: 75.0%")
        .anySatisfy(m -> assertThat(m).contains("is served by one key (medical_text_primary) and no backup"));
    assertThat(report.optimizationScore())
        .isEqualTo(100 - RecommendationType.LOW_SUCCESS_RATE.penalty() - RecommendationType.SINGLE_POINT_OF_FAILURE.penalty());
    assertThat(report.toJson()).containsKeys("optimization_score", "recommendations");
  }

  @Test
  void cheaperKeyWithHeadroomIsRecommended() {
    kt =
        KeyTriage.builder(
                KeyTriageConfig.builder()
                    .addKey(key("dear", TaskTypes.BATCH_PROCESSING).costPerToken(0.0002).priority(5).build())
                    .addKey(key("cheap", TaskTypes.BATCH_PROCESSING).costPerToken(0.00005).priority(1).build())
                    .strategy(TaskTypes.BATCH_PROCESSING, "priority")
                    .build())
            .clock(clock)
            .build();
    for (int i = 0; i < 12; i++) {
      call(TaskTypes.BATCH_PROCESSING, true, 10, 10);
    }
    assertThat(kt.optimize().recommendations())
        .filteredOn(r -> r.type().equals("cost_optimization"))
        .singleElement()
        .satisfies(r -> assertThat(r.message()).contains("cheap costs 75% less per token than dear"));
  }

  @Test
  void healthIsFullWhenAllKeysWorkAndDropsWhenATaskLosesItsOnlyKey() {
    kt =
        KeyTriage.builder(
                KeyTriageConfig.builder()
                    .addKey(key("g", TaskTypes.GENOMICS_ANALYSIS).build())
                    .addKey(key("m", TaskTypes.MEDICAL_TEXT_ANALYSIS).build())
                    .build())
            .clock(clock)
            .build();
    HealthReport healthy = kt.health();
    assertThat(healthy.status()).isEqualTo("healthy");
    assertThat(healthy.healthScore()).isEqualTo(100);
    assertThat(healthy.toJson()).containsKeys("status", "health_score", "api_key_status");
    assertThat(healthy.activeKeys()).isEqualTo(2);

    kt.setActive("g", false);
    HealthReport degraded = kt.health();
    assertThat(degraded.activeKeys()).isEqualTo(1);
    assertThat(degraded.unservedTaskTypes()).containsExactly(TaskTypes.GENOMICS_ANALYSIS);
    assertThat(degraded.status()).isEqualTo("degraded");
    assertThat(degraded.healthScore()).isEqualTo(80); // 0.6 × 100 + 0.4 × 50
    assertThat(kt.optimize().recommendations())
        .extracting(Recommendation::type)
        .contains("inactive_key", "unserved_task_type");
  }
}
