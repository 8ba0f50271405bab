package org.keytriage.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keytriage.simulator.KeyBehaviour;
import org.keytriage.simulator.WitnessEntry;
import org.keytriage.simulator.WitnessLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Four keys misbehaving in different ways, a few hundred requests with the clock moving one
 * second per request: no client sees a failure, and the simulator's witness log proves that no key
 * got more than its KeyTriage max_rpm / max_tpm in any rolling 60 s window.
 */
class MixedChaosTest {
  private static final Duration MINUTE = Duration.ofSeconds(60);

  /** KeyTriage's limits per key: RPM, TPM. */
  private static final Map<String, long[]> LIMITS =
      Map.of(
          "throttled", new long[] {30, 100_000},
          "flaky", new long[] {40, 100_000},
          "slow", new long[] {60, 100_000},
          "healthy", new long[] {60, 4_000});

  private SimulatedUpstream up;

  @AfterEach
  void close() {
    up.close();
  }

  @Test
  void noVisibleFailureAndNoKeyEverOverItsLimits() {
    up = new SimulatedUpstream()
        .strategy("round_robin")
        // its own upstream limit (10 RPM) is below what KeyTriage allows it: it answers 429s
        .key("throttled", 1, KeyBehaviour.builder().rpm(10).build(), b -> limits(b, "throttled"))
        .key("flaky", 1, KeyBehaviour.builder().errorRate(0.2).build(), b -> limits(b, "flaky"))
        .key("slow", 1, KeyBehaviour.builder().latencyMs(180).build(), b -> limits(b, "slow"))
        .key("healthy", 1, KeyBehaviour.defaults(), b -> limits(b, "healthy"))
        .start();

    int requests = 250;
    List<Throwable> failures = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      try {
        up.ask("Patient " + i + ": summarise the latest observations.");
      } catch (RuntimeException e) {
        failures.add(e);
      }
      up.clock.advance(Duration.ofSeconds(1));
    }

    assertThat(failures).isEmpty();
    WitnessLog witness = up.simulator.witness();
    LIMITS.forEach(
        (key, limit) -> {
          assertThat(witness.maxRequestsInAnyWindow(key, MINUTE, true)).as(key + " RPM").isLessThanOrEqualTo(limit[0]);
          assertThat(witness.maxTokensInAnyWindow(key, MINUTE, true)).as(key + " TPM").isLessThanOrEqualTo(limit[1]);
        });
    // the chaos did happen
    assertThat(witness.entries("throttled")).anyMatch(e -> e.status() == 429);
    assertThat(witness.entries("flaky")).anyMatch(e -> e.status() >= 500);
    assertThat(witness.entries("healthy").stream().mapToLong(WitnessEntry::tokens).sum()).isPositive();
  }

  private static org.keytriage.core.config.ApiKeyConfig.Builder limits(
      org.keytriage.core.config.ApiKeyConfig.Builder b, String key) {
    return b.maxRpm(LIMITS.get(key)[0]).maxTpm(LIMITS.get(key)[1]);
  }
}
