package org.keytriage.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.testing.MutableClock;
import org.keytriage.spi.ClinicalPriority;
import org.keytriage.spi.KeyTier;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskTypes;

/**
 * The guide's "100 % correct task-to-key allocation": every task type gets only keys that serve it,
 * backups only once those are full, and a clear refusal when nothing is left.
 */
class TaskSpecificAllocationTest {
  private final MutableClock clock = new MutableClock();
  private KeyTriage keyTriage;

  @AfterEach
  void close() {
    if (keyTriage != null) {
      keyTriage.close();
    }
  }

  private static ApiKeyConfig key(String id, long rpm, String... tasks) {
    return ApiKeyConfig.builder(id)
        .apiKey("secret-value-for-" + id + "-0123456789")
        .maxRpm(rpm)
        .maxTpm(1_000_000)
        .taskTypes(tasks)
        .costPerToken(0.0001)
        .build();
  }

  private KeyTriage start(KeyTriageConfig config) {
    keyTriage = KeyTriage.builder(config).clock(clock).build();
    return keyTriage;
  }

  /** The guide's six specialised keys plus one general backup. */
  private static KeyTriageConfig guideSetup(long rpm) {
    return KeyTriageConfig.builder()
        .addKey(key("medical_text_primary", rpm, TaskTypes.MEDICAL_TEXT_ANALYSIS, TaskTypes.DIAGNOSTIC_REPORT_GENERATION))
        .addKey(key("diagnostic_primary", rpm, TaskTypes.DIAGNOSTIC_REPORT_GENERATION))
        .addKey(key("genomics_primary", rpm, TaskTypes.GENOMICS_ANALYSIS))
        .addKey(key("streaming_primary", rpm, TaskTypes.STREAMING_INSIGHTS))
        .addKey(key("batch_primary", rpm, TaskTypes.BATCH_PROCESSING))
        .addKey(key("multimodal_primary", rpm, TaskTypes.MULTIMODAL_FUSION))
        .addKey(key("general_backup", 1000).toBuilder().backup(true).build())
        .build();
  }

  @Test
  void everyTaskTypeGetsOnlyItsOwnKeysAndBackupsOnlyWhenThoseAreFull() {
    KeyTriageConfig config = guideSetup(20);
    start(config);
    Map<String, Set<String>> served = new HashMap<>();
    Map<String, Integer> specialisedBeforeFirstBackup = new HashMap<>();
    for (String task : TaskTypes.BUILT_IN) {
      for (int i = 0; i < 25; i++) {
        Allocation a = keyTriage.allocate(task, RoutingHints.ofTokens(100));
        served.computeIfAbsent(task, t -> new HashSet<>()).add(a.keyId());
        ApiKeyConfig k = config.apiKeys().stream().filter(c -> c.keyId().equals(a.keyId())).findFirst().orElseThrow();
        assertThat(k.serves(task)).as("%s served %s", k.keyId(), task).isTrue();
        if (a.tier() == KeyTier.SPECIALISED) {
          assertThat(k.specialisedFor(task)).isTrue();
          assertThat(specialisedBeforeFirstBackup).doesNotContainKey(task);
        } else {
          specialisedBeforeFirstBackup.putIfAbsent(task, i);
        }
        a.succeeded(100, 5);
      }
    }
    // each single-key task used its key to its limit (20), then the backup
    assertThat(specialisedBeforeFirstBackup.get(TaskTypes.GENOMICS_ANALYSIS)).isEqualTo(20);
    assertThat(served.get(TaskTypes.GENOMICS_ANALYSIS)).containsExactlyInAnyOrder("genomics_primary", "general_backup");
    // medical_text_primary also serves diagnostic reports but medical text already filled it,
    // so diagnostic reports got their own key to its limit, then the backup
    assertThat(specialisedBeforeFirstBackup.get(TaskTypes.DIAGNOSTIC_REPORT_GENERATION)).isEqualTo(20);
    assertThat(served.get(TaskTypes.DIAGNOSTIC_REPORT_GENERATION))
        .containsExactlyInAnyOrder("diagnostic_primary", "general_backup");
  }

  @Test
  void refusesWithTheGuidesMessageAndSaysWhenCapacityFrees() {
    start(KeyTriageConfig.builder().addKey(key("only", 2, TaskTypes.GENOMICS_ANALYSIS)).build());
    keyTriage.allocate(TaskTypes.GENOMICS_ANALYSIS, RoutingHints.ofTokens(10)).succeeded(10, 1);
    clock.advance(Duration.ofSeconds(10));
    keyTriage.allocate(TaskTypes.GENOMICS_ANALYSIS, RoutingHints.ofTokens(10)).succeeded(10, 1);

    assertThatThrownBy(() -> keyTriage.allocate(TaskTypes.GENOMICS_ANALYSIS, RoutingHints.ofTokens(10)))
        .isInstanceOf(NoAvailableKeyException.class)
        .hasMessageStartingWith("No available API key for task: genomics_analysis")
        .hasMessageContaining("1 key serves it: 1 at its rate limits")
        .satisfies(
            e -> {
              NoAvailableKeyException n = (NoAvailableKeyException) e;
              // the first admission's slot leaves the window 62 s after it was booked
              assertThat(n.retryAfter()).contains(Duration.ofSeconds(52));
            });
    assertThat(keyTriage.metrics().taskMetrics().get(TaskTypes.GENOMICS_ANALYSIS).rejectedRequests()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(52));
    assertThat(keyTriage.allocate(TaskTypes.GENOMICS_ANALYSIS, RoutingHints.ofTokens(10)).keyId()).isEqualTo("only");
  }

  @Test
  void aTaskTypeWithoutKeysSaysHowToAddOne() {
    start(KeyTriageConfig.builder().addKey(key("only", 2, TaskTypes.GENOMICS_ANALYSIS)).build());
    assertThatThrownBy(() -> keyTriage.allocate(TaskTypes.BATCH_PROCESSING, RoutingHints.ofTokens(10)))
        .isInstanceOf(NoAvailableKeyException.class)
        .hasMessageContaining("No key serves it")
        .hasMessageContaining("is_backup");
  }

  @Test
  void unknownTaskTypeListsTheKnownOnes() {
    start(guideSetup(10));
    assertThatThrownBy(() -> keyTriage.allocate("radiology_magic", RoutingHints.ofTokens(10)))
        .isInstanceOf(UnknownTaskTypeException.class)
        .hasMessageContaining("radiology_magic")
        .hasMessageContaining(TaskTypes.GENOMICS_ANALYSIS);
  }

  @Test
  void inactiveKeysAreSkippedAndReactivationBringsThemBack() {
    start(
        KeyTriageConfig.builder()
            .addKey(key("a", 100, TaskTypes.BATCH_PROCESSING))
            .addKey(key("b", 100, TaskTypes.BATCH_PROCESSING))
            .build());
    keyTriage.setActive("a", false);
    for (int i = 0; i < 10; i++) {
      Allocation a = keyTriage.allocate(TaskTypes.BATCH_PROCESSING, RoutingHints.ofTokens(1));
      assertThat(a.keyId()).isEqualTo("b");
      a.release();
    }
    keyTriage.setActive("b", false);
    assertThatThrownBy(() -> keyTriage.allocate(TaskTypes.BATCH_PROCESSING, RoutingHints.ofTokens(1)))
        .hasMessageContaining("2 inactive");
    keyTriage.setActive("a", true);
    assertThat(keyTriage.allocate(TaskTypes.BATCH_PROCESSING, RoutingHints.ofTokens(1)).keyId()).isEqualTo("a");
  }

  @Test
  void excludedKeysAreNotOfferedAgain() {
    start(
        KeyTriageConfig.builder()
            .addKey(key("a", 100, TaskTypes.BATCH_PROCESSING))
            .addKey(key("b", 100, TaskTypes.BATCH_PROCESSING))
            .build());
    for (int i = 0; i < 5; i++) {
      Allocation a =
          keyTriage.router().allocate(org.keytriage.spi.RoutingRequest.of(TaskTypes.BATCH_PROCESSING, 1), Set.of("a"));
      assertThat(a.keyId()).isEqualTo("b");
      a.release();
    }
    assertThatThrownBy(
            () ->
                keyTriage.router().allocate(org.keytriage.spi.RoutingRequest.of(TaskTypes.BATCH_PROCESSING, 1), Set.of("a", "b")))
        .hasMessageContaining("2 already failed for this request");
  }

  @Test
  void roundRobinIsTheDefaultAndSpreadsEvenly() {
    start(
        KeyTriageConfig.builder()
            .addKey(key("a", 1000, TaskTypes.MEDICAL_TEXT_ANALYSIS))
            .addKey(key("b", 1000, TaskTypes.MEDICAL_TEXT_ANALYSIS))
            .addKey(key("c", 1000, TaskTypes.MEDICAL_TEXT_ANALYSIS))
            .build());
    assertThat(keyTriage.router().strategyOf(TaskTypes.MEDICAL_TEXT_ANALYSIS)).isEqualTo("round_robin");
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 300; i++) {
      Allocation a = keyTriage.allocate(TaskTypes.MEDICAL_TEXT_ANALYSIS, RoutingHints.ofTokens(1));
      counts.merge(a.keyId(), 1, Integer::sum);
      a.succeeded(1, 1);
    }
    assertThat(counts).containsOnly(Map.entry("a", 100), Map.entry("b", 100), Map.entry("c", 100));
  }

  @Test
  void strategyCanBeSwitchedAtRunTimeAndUnknownOnesAreListed() {
    start(
        KeyTriageConfig.builder()
            .addKey(key("cheap", 1000, TaskTypes.BATCH_PROCESSING).toBuilder().costPerToken(0.00001).build())
            .addKey(key("dear", 1000, TaskTypes.BATCH_PROCESSING).toBuilder().costPerToken(0.001).build())
            .build());
    keyTriage.router().useStrategy(TaskTypes.BATCH_PROCESSING, "lowest_cost");
    for (int i = 0; i < 10; i++) {
      Allocation a = keyTriage.allocate(TaskTypes.BATCH_PROCESSING, RoutingHints.ofTokens(1));
      assertThat(a.keyId()).isEqualTo("cheap");
      a.release();
    }
    assertThatThrownBy(() -> keyTriage.router().useStrategy(TaskTypes.BATCH_PROCESSING, "fastest_please"))
        .isInstanceOf(UnknownStrategyException.class)
        .hasMessageContaining("round_robin")
        .hasMessageContaining("lowest_cost");
  }

  @Test
  void priorityReachesLowerPrioritiesOnlyWhenHigherOnesAreFull() {
    start(
        KeyTriageConfig.builder()
            .addKey(key("premium", 3, TaskTypes.MEDICAL_TEXT_ANALYSIS).toBuilder().priority(5).build())
            .addKey(key("standard", 100, TaskTypes.MEDICAL_TEXT_ANALYSIS).toBuilder().priority(1).build())
            .strategy(TaskTypes.MEDICAL_TEXT_ANALYSIS, "priority")
            .build());
    List<String> order =
        java.util.stream.IntStream.range(0, 5)
            .mapToObj(i -> keyTriage.allocate(TaskTypes.MEDICAL_TEXT_ANALYSIS, RoutingHints.ofTokens(1)).keyId())
            .toList();
    assertThat(order).containsExactly("premium", "premium", "premium", "standard", "standard");
  }

  @Test
  void completionIsIdempotentSoAFinallyReleaseAfterSuccessChangesNothing() {
    start(KeyTriageConfig.builder().addKey(key("k", 10, TaskTypes.GENOMICS_ANALYSIS)).build());
    Allocation a = keyTriage.allocate(TaskTypes.GENOMICS_ANALYSIS, RoutingHints.ofTokens(500));
    a.succeeded(300, 12);
    a.release();
    a.failed(0, 1);
    assertThat(keyTriage.ledger().usage("k").requests()).isEqualTo(1);
    assertThat(keyTriage.ledger().usage("k").tokens()).isEqualTo(300);
    assertThat(keyTriage.metrics().keyMetrics().get("k").totalRequests()).isEqualTo(1);
    assertThat(keyTriage.metrics().keyMetrics().get("k").successRate()).isEqualTo(100.0);
  }

  @Test
  void highPriorityAndLatencySensitiveWorkTakeTheFastestKeyWhileNormalWorkKeepsTheStrategysOrder() {
    start(KeyTriageConfig.builder()
        .addKey(key("first_by_priority", 100, TaskTypes.DIAGNOSTIC_REPORT_GENERATION).toBuilder().priority(2).build())
        .addKey(key("faster", 100, TaskTypes.DIAGNOSTIC_REPORT_GENERATION).toBuilder().priority(1).build())
        .strategy(TaskTypes.DIAGNOSTIC_REPORT_GENERATION, "priority")
        .build());
    String task = TaskTypes.DIAGNOSTIC_REPORT_GENERATION;
    // one answered call each teaches the engine the keys' latencies (neither slow enough to demote)
    Allocation slow = keyTriage.allocate(task, RoutingHints.ofTokens(10));
    assertThat(slow.keyId()).isEqualTo("first_by_priority");
    slow.succeeded(10, 120);
    Allocation other = keyTriage.router().allocate(
        new org.keytriage.spi.RoutingRequest(task, RoutingHints.ofTokens(10)), java.util.Set.of("first_by_priority"));
    other.succeeded(10, 60);

    Allocation normal = keyTriage.allocate(task, RoutingHints.ofTokens(10));
    Allocation high = keyTriage.allocate(task,
        RoutingHints.builder().estimatedTokens(10).clinicalPriority(ClinicalPriority.HIGH).build());
    Allocation fast = keyTriage.allocate(task,
        RoutingHints.builder().estimatedTokens(10).latencySensitive(true).build());

    assertThat(normal.keyId()).isEqualTo("first_by_priority");
    assertThat(high.keyId()).isEqualTo("faster");
    assertThat(fast.keyId()).isEqualTo("faster");
    List.of(normal, high, fast).forEach(Allocation::release);
  }
}
