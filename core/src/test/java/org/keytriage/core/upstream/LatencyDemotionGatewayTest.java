package org.keytriage.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.keytriage.core.accounting.KeyMetrics;
import org.keytriage.simulator.KeyBehaviour;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A slow key is demoted behind the fast one, takes only overflow, and recovers once fast again. */
class LatencyDemotionGatewayTest {
  /** 3 × the 50 ms floor: the fast key answers in a few ms, so the floor is the best latency. */
  private static final double SLOW_ABOVE_MS = 150;

  private SimulatedUpstream up;

  @AfterEach
  void close() {
    up.close();
  }

  private double ewma(String key) {
    return up.keyTriage.keyMetrics().stream()
        .filter(k -> k.keyId().equals(key))
        .mapToDouble(KeyMetrics::latencyEwmaMillis)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aSlowKeyOnlyTakesOverflowUntilItsLatencyRecovers() {
    up = new SimulatedUpstream()
        .strategy("round_robin")
        .key("slow", 1, KeyBehaviour.builder().latencyMs(200).build())
        .key("fast", 1, KeyBehaviour.defaults(), b -> b.maxRpm(6))
        .start();

    up.ask("r1");
    up.ask("r2"); // round robin: each key has one latency sample now
    assertThat(up.calls("slow")).isEqualTo(1);
    assertThat(ewma("slow")).isGreaterThan(SLOW_ABOVE_MS);
    for (int i = 0; i < 5; i++) {
      assertThat(up.ask("while slow " + i).keyId()).isEqualTo("fast");
    }

    // fast is at its 6 RPM: the demoted key takes the overflow; it has become fast meanwhile, and
    // each fast answer pulls its EWMA (alpha 0.2) down until it is under the bar again
    up.simulator.setBehaviour(SimulatedUpstream.secretOf("slow"), KeyBehaviour.defaults());
    int overflow = 0;
    while (ewma("slow") > SLOW_ABOVE_MS && overflow < 20) {
      assertThat(up.ask("overflow " + overflow).keyId()).isEqualTo("slow");
      overflow++;
    }
    assertThat(overflow).isBetween(1, 19);

    up.clock.advance(Duration.ofSeconds(62)); // fast has room again
    long before = up.calls("slow");
    for (int i = 0; i < 4; i++) {
      up.ask("recovered " + i);
    }
    assertThat(up.calls("slow") - before).as("round robin again").isEqualTo(2);
  }
}
