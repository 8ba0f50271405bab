package org.keytriage.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keytriage.core.alerts.AlertType;
import org.keytriage.core.gateway.Call;
import org.keytriage.core.keys.CircuitState;
import org.keytriage.core.routing.NoAvailableKeyException;
import org.keytriage.simulator.KeyBehaviour;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.UpstreamRequest;

/**
 * One failover case per test, against the simulator. The {@code priority} strategy makes the
 * faulty key (priority 5) the first choice and the steady key (priority 1) the fallback, and the
 * simulator's witness log counts the upstream calls.
 */
class FailoverTest {
  private static final KeyBehaviour OK = KeyBehaviour.defaults();

  private SimulatedUpstream up;

  @AfterEach
  void close() {
    if (up != null) {
      up.close();
    }
  }

  private SimulatedUpstream start(KeyBehaviour faulty) {
    up = new SimulatedUpstream().key("faulty", 5, faulty).key("steady", 1, OK).start();
    return up;
  }

  @Test
  void aHealthyKeyServesInOneCallWithRealUsageAndCost() {
    up = new SimulatedUpstream().key("only", 1, OK, b -> b.costPerToken(0.002)).start();
    GatewayResponse r = up.ask("Summarise the discharge note.");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.keyId()).isEqualTo("only");
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(r.tokens().counted()).isFalse();
    assertThat(r.tokens().total())
        .isEqualTo(up.simulator.witness().entries("only").get(0).tokens())
        .isEqualTo(r.tokens().prompt() + r.tokens().completion());
    assertThat(r.cost()).isCloseTo(r.tokens().total() * 0.002, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(r.body()).containsKey("choices");
    // the ledger holds the real count, not the estimate
    assertThat(up.keyTriage.ledger().usage("only").tokens()).isEqualTo(r.tokens().total());
    assertThat(up.keyTriage.metrics().totalCost()).isCloseTo(r.cost(), org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void a429CoolsTheKeyDownReleasesItsReservationAndTheNextKeyServes() {
    start(KeyBehaviour.builder().always429(true).build());
    long now = up.clock.millis();

    GatewayResponse r = up.ask("hello");

    assertThat(r.keyId()).isEqualTo("steady");
    assertThat(r.attempts()).isEqualTo(2);
    assertThat(up.calls("faulty")).isEqualTo(1);
    assertThat(up.calls("steady")).isEqualTo(1);
    // the simulator's Retry-After: 60 is honoured
    assertThat(up.keyTriage.state("faulty").cooldownUntilMillis()).isEqualTo(now + 60_000);
    assertThat(up.keyTriage.ledger().usage("faulty").requests()).isZero();
    assertThat(up.alerts.recent(AlertType.RATE_LIMITED)).singleElement()
        .satisfies(a -> assertThat(a.message()).startsWith("Rate limit hit for API key: faulty")
            .doesNotContain(SimulatedUpstream.secretOf("faulty")));

    up.ask("again");
    assertThat(up.calls("faulty")).as("cooling down: not called again").isEqualTo(1);
    up.clock.advance(Duration.ofSeconds(60));
    up.ask("after the cooldown");
    assertThat(up.calls("faulty")).isEqualTo(2);
  }

  @Test
  void a5xxFailsOverAndCountsAgainstTheKeysCircuitAndLimits() {
    start(KeyBehaviour.builder().errorRate(1.0).errorStatuses(java.util.List.of(503)).build());

    GatewayResponse r = up.ask("hello");

    assertThat(r.keyId()).isEqualTo("steady");
    assertThat(r.attempts()).isEqualTo(2);
    assertThat(up.totalCalls()).isEqualTo(2);
    assertThat(up.keyTriage.state("faulty").circuit().recentFailureMillis()).hasSize(1);
    // the request reached the upstream, so it stays counted against the key's RPM
    assertThat(up.keyTriage.ledger().usage("faulty").requests()).isEqualTo(1);
    assertThat(up.keyTriage.metrics().keyMetrics().get("faulty").failedRequests()).isEqualTo(1);
  }

  @Test
  void aRevokedKeyIsQuarantinedAndNotUsedAgain() {
    start(KeyBehaviour.builder().revoked(true).build());

    GatewayResponse first = up.ask("hello");
    assertThat(first.keyId()).isEqualTo("steady");
    assertThat(first.attempts()).isEqualTo(2);
    assertThat(up.keyTriage.state("faulty").quarantined()).isTrue();
    assertThat(up.alerts.recent(AlertType.KEY_QUARANTINED)).hasSize(1);

    up.clock.advance(Duration.ofHours(1));
    for (int i = 0; i < 3; i++) {
      assertThat(up.ask("more " + i).attempts()).isEqualTo(1);
    }
    assertThat(up.calls("faulty")).isEqualTo(1);
    assertThat(up.keyTriage.metrics().keyMetrics().get("faulty").usable()).isFalse();
  }

  @Test
  void aBadRequestIsTheCallersFaultNoFailoverOneCallKeyNotPenalised() {
    start(OK);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("messages", java.util.List.of(Map.of("role", "user", "content", "no model given")));
    UpstreamRequest bad = new UpstreamRequest("/v1/chat/completions", null, body, false);

    assertThatThrownBy(() -> up.gateway.complete(Call.of(SimulatedUpstream.TASK, bad, RoutingHints.DEFAULT)))
        .isInstanceOfSatisfying(UpstreamClientErrorException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.keyId()).isEqualTo("faulty");
          assertThat(e.errorBody()).contains("model");
          assertThat(e.errorJson()).containsKey("error");
        });
    assertThat(up.totalCalls()).isEqualTo(1);
    var state = up.keyTriage.state("faulty");
    assertThat(state.circuit().recentFailureMillis()).isEmpty();
    assertThat(state.quarantined()).isFalse();
    assertThat(up.keyTriage.ledger().usage("faulty").requests()).isZero();
    assertThat(up.keyTriage.metrics().keyMetrics().get("faulty").failedRequests()).isZero();
  }

  @Test
  void aHangingKeyTimesOutAndTheNextKeyServesWithinTheDeadline() {
    up =
        new SimulatedUpstream()
            .key("faulty", 5, KeyBehaviour.builder().hang(true).build())
            .key("steady", 1, OK)
            .settings(UpstreamSettings.builder()
                .requestDeadline(Duration.ofSeconds(5))
                .attemptTimeout(Duration.ofMillis(300))
                .build())
            .maxHang(Duration.ofSeconds(2))
            .start();

    long start = System.nanoTime();
    GatewayResponse r = up.ask("hello");
    long tookMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(r.keyId()).isEqualTo("steady");
    assertThat(r.attempts()).isEqualTo(2);
    assertThat(tookMs).isBetween(300L, 5_000L);
    assertThat(up.calls("faulty")).isEqualTo(1);
    assertThat(up.keyTriage.state("faulty").circuit().recentFailureMillis()).hasSize(1);
  }

  @Test
  void whenTheDeadlineRunsOutTheCallerGetsAClearException() {
    KeyBehaviour hang = KeyBehaviour.builder().hang(true).build();
    up =
        new SimulatedUpstream()
            .key("first", 5, hang)
            .key("second", 1, hang)
            .key("third", 0, OK)
            .settings(UpstreamSettings.builder()
                .requestDeadline(Duration.ofMillis(600))
                .attemptTimeout(Duration.ofMillis(400))
                .build())
            .maxHang(Duration.ofSeconds(2))
            .start();

    long start = System.nanoTime();
    assertThatThrownBy(() -> up.ask("hello"))
        .isInstanceOfSatisfying(UpstreamDeadlineExceededException.class, e -> {
          assertThat(e.attempts()).isEqualTo(2);
          assertThat(e.getMessage()).contains("deadline of 600 ms exceeded", "key second", "timed out");
        });
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    assertThat(up.calls("third")).isZero();
  }

  @Test
  void anUnreachableKeyGivesItsReservationBackButCountsACircuitFailure() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    up =
        new SimulatedUpstream()
            .key("faulty", 5, OK, b -> b.baseUrl("http://127.0.0.1:" + closedPort))
            .key("steady", 1, OK)
            .start();

    GatewayResponse r = up.ask("hello");

    assertThat(r.keyId()).isEqualTo("steady");
    assertThat(r.attempts()).isEqualTo(2);
    assertThat(up.keyTriage.ledger().usage("faulty").requests()).isZero();
    assertThat(up.keyTriage.state("faulty").circuit().recentFailureMillis()).hasSize(1);
  }

  @Test
  void whenEveryKeyFailsTheCallerGetsNoAvailableKeyNamingTheLastFailure() {
    KeyBehaviour broken = KeyBehaviour.builder().errorRate(1.0).errorStatuses(java.util.List.of(502)).build();
    up = new SimulatedUpstream().key("faulty", 5, broken).key("steady", 1, broken).start();

    assertThatThrownBy(() -> up.ask("hello"))
        .isInstanceOf(NoAvailableKeyException.class)
        .hasMessageStartingWith("No available API key for task: " + SimulatedUpstream.TASK)
        .hasMessageContaining("already failed for this request")
        .hasMessageContaining("Last upstream failure: key steady: HTTP 502");
    assertThat(up.totalCalls()).isEqualTo(2);
  }

  @Test
  void noSecretInAnyAlertOrMetric() {
    start(KeyBehaviour.builder().revoked(true).build());
    up.ask("hello");
    String secret = SimulatedUpstream.secretOf("faulty");
    assertThat(up.alerts.recent()).allSatisfy(a -> assertThat(a.message()).doesNotContain(secret));
    assertThat(up.keyTriage.metrics().toJson().toString()).doesNotContain(secret);
    assertThat(up.keyTriage.metrics().keyMetrics().get("faulty").circuitState()).isEqualTo(CircuitState.CLOSED);
  }
}
