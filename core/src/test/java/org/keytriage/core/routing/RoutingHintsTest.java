package org.keytriage.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.keytriage.core.KeyTriage;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.testing.MutableClock;
import org.keytriage.spi.ClinicalPriority;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a task handler's hints change: batch work takes cheap keys and never the last 20 %. */
class RoutingHintsTest {
  private final MutableClock clock = new MutableClock();
  private KeyTriage kt;

  @AfterEach
  void close() {
    kt.close();
  }

  private static ApiKeyConfig key(String id, long rpm, double cost) {
    return ApiKeyConfig.builder(id)
        .apiKey("hints-secret-" + id + "-0123456789")
        .maxRpm(rpm)
        .maxTpm(1_000_000)
        .taskTypes(TaskTypes.BATCH_PROCESSING, TaskTypes.MEDICAL_TEXT_ANALYSIS)
        .costPerToken(cost)
        .build();
  }

  @Test
  void costSensitiveRequestsTakeTheCheapestKeyWhateverTheStrategy() {
    kt =
        KeyTriage.builder(
                KeyTriageConfig.builder()
                    .addKey(key("dear", 100, 0.0002))
                    .addKey(key("cheap", 100, 0.00005))
                    .addKey(key("middle", 100, 0.0001))
                    .build())
            .clock(clock)
            .build();
    RoutingHints batch = RoutingHints.builder().costSensitive(true).estimatedTokens(10).build();
    for (int i = 0; i < 6; i++) {
      Allocation a = kt.allocate(TaskTypes.BATCH_PROCESSING, batch);
      assertThat(a.keyId()).isEqualTo("cheap");
      a.release();
    }
    // without the hint the default round robin spreads
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < 3; i++) {
      Allocation a = kt.allocate(TaskTypes.BATCH_PROCESSING, RoutingHints.ofTokens(10));
      seen.add(a.keyId());
      a.release();
    }
    assertThat(seen).containsExactlyInAnyOrder("dear", "cheap", "middle");
  }

  @Test
  void lowPriorityWorkLeavesTheLastFifthOfEveryKeyToInteractiveWork() {
    kt = KeyTriage.builder(KeyTriageConfig.builder().addKey(key("only", 10, 0.0001)).build()).clock(clock).build();
    RoutingHints low = RoutingHints.builder().clinicalPriority(ClinicalPriority.LOW).estimatedTokens(1).build();
    for (int i = 0; i < 8; i++) {
      kt.allocate(TaskTypes.BATCH_PROCESSING, low).succeeded(1, 1);
    }
    assertThatThrownBy(() -> kt.allocate(TaskTypes.BATCH_PROCESSING, low))
        .isInstanceOf(NoAvailableKeyException.class);
    // interactive work still gets the remaining two
    kt.allocate(TaskTypes.MEDICAL_TEXT_ANALYSIS, RoutingHints.ofTokens(1)).succeeded(1, 1);
    kt.allocate(TaskTypes.MEDICAL_TEXT_ANALYSIS, RoutingHints.ofTokens(1)).succeeded(1, 1);
    assertThat(kt.ledger().usage("only").requests()).isEqualTo(10);
  }
}
