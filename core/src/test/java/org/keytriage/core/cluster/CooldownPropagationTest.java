package org.keytriage.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.gateway.Call;
import org.keytriage.core.keys.CircuitState;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.testing.MutableClock;
import org.keytriage.core.upstream.GatewayResponse;
import org.keytriage.simulator.KeyBehaviour;
import org.keytriage.simulator.NvidiaSimulator;
import org.keytriage.simulator.Scenario;
import org.keytriage.simulator.SimulatorConfig;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskTypes;
import org.keytriage.spi.UpstreamRequest;

/**
 * Two engines with the same configuration on two members, as two app-server nodes would run. A 429
 * that engine A meets at the simulator cools the key down for engine B as well: B skips the key on
 * its very next allocation, without ever calling it.
 */
class CooldownPropagationTest {
  private static final String TASK = TaskTypes.MEDICAL_TEXT_ANALYSIS;
  private static TestGrid grid;

  private final MutableClock clock = new MutableClock();
  private NvidiaSimulator simulator;
  private KeyTriage nodeA;
  private KeyTriage nodeB;

  @BeforeAll
  static void startMembers() {
    grid = TestGrid.start(CooldownPropagationTest.class, 2);
  }

  @AfterAll
  static void stopMembers() {
    if (grid != null) {
      grid.close();
    }
  }

  @BeforeEach
  void startNodes() {
    String run = Long.toString(System.nanoTime(), 36); // key ids unique to the test: one grid per class
    simulator =
        NvidiaSimulator.start(
            SimulatorConfig.builder()
                .clock(clock)
                .scenario(
                    Scenario.builder()
                        .seed(7)
                        .key(secretOf("throttled"), KeyBehaviour.builder().always429(true).label("throttled").build())
                        .key(secretOf("steady"), KeyBehaviour.defaults().withLabel("steady"))
                        .build())
                .build());
    KeyTriageConfig config =
        KeyTriageConfig.builder()
            .strategy(TASK, "priority")
            .addKey(key("throttled-" + run, "throttled", 5))
            .addKey(key("steady-" + run, "steady", 1))
            .build();
    nodeA = grid.backends(0, clock).configure(KeyTriage.builder(config)).build();
    nodeB = grid.backends(1, clock).configure(KeyTriage.builder(config)).build();
  }

  private ApiKeyConfig key(String id, String behaviour, int priority) {
    return ApiKeyConfig.builder(id)
        .apiKey(secretOf(behaviour))
        .baseUrl(simulator.baseUri().toString())
        .maxRpm(1_000)
        .maxTpm(1_000_000)
        .priority(priority)
        .taskTypes(TASK)
        .build();
  }

  @AfterEach
  void stopNodes() {
    for (KeyTriage kt : new KeyTriage[] {nodeA, nodeB}) {
      if (kt != null) {
        kt.close();
      }
    }
    if (simulator != null) {
      simulator.close();
    }
  }

  private static String secretOf(String behaviour) {
    return "nvapi-sim-" + behaviour + "-0123456789abcdefXYZ";
  }

  private String throttled() {
    return nodeA.config().apiKeys().get(0).keyId();
  }

  private String steady() {
    return nodeA.config().apiKeys().get(1).keyId();
  }

  @Test
  void aCooldownSetOnNodeAMakesNodeBSkipTheKeyOnItsNextAllocation() {
    // before: node B would pick the throttled key first (highest priority)
    Allocation before = nodeB.allocate(TASK, RoutingHints.ofTokens(100));
    assertThat(before.keyId()).isEqualTo(throttled());
    before.release();

    long now = clock.millis();
    GatewayResponse response = nodeA.gateway().complete(Call.of(TASK, chat("Summarise the note."), RoutingHints.DEFAULT));
    assertThat(response.keyId()).isEqualTo(steady());
    assertThat(simulator.witness().requestCount("throttled")).isEqualTo(1);

    // node B never saw the 429, yet its next allocation skips the key
    assertThat(nodeB.state(throttled()).cooldownUntilMillis()).isEqualTo(now + 60_000);
    Allocation after = nodeB.allocate(TASK, RoutingHints.ofTokens(100));
    assertThat(after.keyId()).isEqualTo(steady());
    after.succeeded(80, 5);
    assertThat(simulator.witness().requestCount("throttled")).isEqualTo(1);

    // once the cooldown is over, both nodes offer the key again
    clock.advance(java.time.Duration.ofSeconds(61));
    Allocation later = nodeB.allocate(TASK, RoutingHints.ofTokens(100));
    assertThat(later.keyId()).isEqualTo(throttled());
    later.release();
  }

  @Test
  void quarantineAndAnOpenCircuitSetOnOneNodeHoldOnTheOther() {
    nodeA.keys().update(throttled(), s -> s.withQuarantined(true));
    assertThat(nodeB.state(throttled()).quarantined()).isTrue();
    assertThat(nodeB.allocate(TASK, RoutingHints.ofTokens(10)).keyId()).isEqualTo(steady());

    nodeB.restore(throttled());
    assertThat(nodeA.state(throttled()).quarantined()).isFalse();

    // five failures on node A open the circuit; node B sees it open
    for (int i = 0; i < 5; i++) {
      Allocation a = nodeA.allocate(TASK, RoutingHints.ofTokens(10));
      assertThat(a.keyId()).isEqualTo(throttled());
      a.failed(0, 5);
    }
    assertThat(nodeB.state(throttled()).circuitStateAt(clock.millis())).isEqualTo(CircuitState.OPEN);
    Allocation b = nodeB.allocate(TASK, RoutingHints.ofTokens(10));
    assertThat(b.keyId()).isEqualTo(steady());
    b.release();
  }

  private static UpstreamRequest chat(String text) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", "meta/llama-3.1-8b-instruct");
    body.put("messages", List.of(Map.of("role", "user", "content", text)));
    body.put("max_tokens", 32);
    return new UpstreamRequest("/v1/chat/completions", "meta/llama-3.1-8b-instruct", body, false);
  }
}
