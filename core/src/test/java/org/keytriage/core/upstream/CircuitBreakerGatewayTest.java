package org.keytriage.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.keytriage.core.alerts.AlertType;
import org.keytriage.core.keys.CircuitState;
import org.keytriage.core.routing.Allocation;
import org.keytriage.simulator.KeyBehaviour;
import org.keytriage.spi.RoutingHints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The circuit breaker end to end: five 5xx open it, the key is skipped, 30 s later one probe. */
class CircuitBreakerGatewayTest {
  private static final KeyBehaviour FAILING =
      KeyBehaviour.builder().errorRate(1.0).errorStatuses(List.of(500)).build();

  private SimulatedUpstream up;

  @BeforeEach
  void start() {
    up = new SimulatedUpstream().key("flaky", 5, FAILING).key("steady", 1, KeyBehaviour.defaults()).start();
  }

  @AfterEach
  void close() {
    up.close();
  }

  private void openTheCircuit() {
    for (int i = 0; i < 5; i++) {
      if (i > 0) {
        up.clock.advance(Duration.ofSeconds(1));
      }
      assertThat(up.ask("q" + i).attempts()).isEqualTo(2);
    }
    assertThat(up.keyTriage.state("flaky").circuitStateAt(up.clock.millis())).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void afterFiveFailuresTheCircuitOpensAndTheKeyIsSkipped() {
    openTheCircuit();
    assertThat(up.alerts.recent(AlertType.CIRCUIT_OPENED)).singleElement()
        .satisfies(a -> assertThat(a.keyId()).isEqualTo("flaky"));

    GatewayResponse r = up.ask("skipped");
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(r.keyId()).isEqualTo("steady");
    assertThat(up.calls("flaky")).isEqualTo(5);
    assertThat(up.keyTriage.metrics().keyMetrics().get("flaky").circuitState()).isEqualTo(CircuitState.OPEN);
    assertThat(up.keyTriage.health().usableKeys()).isEqualTo(1);
  }

  @Test
  void thirtySecondsLaterOneProbeGoesThroughAndItsSuccessClosesTheCircuit() {
    openTheCircuit();
    up.clock.advance(Duration.ofSeconds(29));
    assertThat(up.ask("still open").keyId()).isEqualTo("steady");
    assertThat(up.calls("flaky")).isEqualTo(5);

    up.clock.advance(Duration.ofSeconds(1));
    up.simulator.setBehaviour(SimulatedUpstream.secretOf("flaky"), KeyBehaviour.defaults());
    GatewayResponse probe = up.ask("probe");

    assertThat(probe.keyId()).isEqualTo("flaky");
    assertThat(probe.attempts()).isEqualTo(1);
    assertThat(up.keyTriage.state("flaky").circuitStateAt(up.clock.millis())).isEqualTo(CircuitState.CLOSED);
    assertThat(up.ask("back to normal").keyId()).isEqualTo("flaky");
  }

  @Test
  void aFailedProbeReopensTheCircuit() {
    openTheCircuit();
    up.clock.advance(Duration.ofSeconds(30));

    GatewayResponse r = up.ask("probe fails");
    assertThat(r.attempts()).isEqualTo(2);
    assertThat(up.calls("flaky")).isEqualTo(6);
    assertThat(up.keyTriage.state("flaky").circuitStateAt(up.clock.millis())).isEqualTo(CircuitState.OPEN);

    assertThat(up.ask("open again").attempts()).isEqualTo(1);
    assertThat(up.calls("flaky")).isEqualTo(6);
  }

  @Test
  void halfOpenLetsOnlyOneCallerThrough() {
    openTheCircuit();
    up.clock.advance(Duration.ofSeconds(30));

    Allocation probe = up.keyTriage.allocate(SimulatedUpstream.TASK, RoutingHints.ofTokens(10));
    Allocation second = up.keyTriage.allocate(SimulatedUpstream.TASK, RoutingHints.ofTokens(10));
    try {
      assertThat(probe.keyId()).isEqualTo("flaky");
      assertThat(second.keyId()).as("the probe is out").isEqualTo("steady");
    } finally {
      probe.release(); // a probe that never reached the upstream hands the probe on
      second.release();
    }
    Allocation next = up.keyTriage.allocate(SimulatedUpstream.TASK, RoutingHints.ofTokens(10));
    try {
      assertThat(next.keyId()).isEqualTo("flaky");
    } finally {
      next.release();
    }
  }
}
