package org.keytriage.core.upstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.alerts.RecentAlerts;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.gateway.Call;
import org.keytriage.core.gateway.Gateway;
import org.keytriage.core.testing.MutableClock;
import org.keytriage.simulator.KeyBehaviour;
import org.keytriage.simulator.NvidiaSimulator;
import org.keytriage.simulator.Scenario;
import org.keytriage.simulator.SimulatorConfig;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskTypes;
import org.keytriage.spi.UpstreamRequest;

/**
 * A simulator and a gateway in front of it, sharing one {@link MutableClock}, with one KeyTriage
 * key per simulator key (same id and label). Each key serves {@link #TASK}; the strategy is {@code
 * priority} unless told otherwise, so tests decide which key is tried first.
 */
final class SimulatedUpstream implements AutoCloseable {
  static final String TASK = TaskTypes.MEDICAL_TEXT_ANALYSIS;

  final MutableClock clock = new MutableClock();
  final RecentAlerts alerts = new RecentAlerts();
  private final Map<String, KeyBehaviour> behaviours = new LinkedHashMap<>();
  private final List<ApiKeyConfig.Builder> keys = new ArrayList<>();
  private final List<UnaryOperator<ApiKeyConfig.Builder>> customisers = new ArrayList<>();
  private String strategy = "priority";
  private UpstreamSettings settings = UpstreamSettings.builder().build();
  private Duration maxHang = Duration.ofSeconds(5);

  NvidiaSimulator simulator;
  KeyTriage keyTriage;
  Gateway gateway;

  /** A key with generous limits, the given priority and simulator behaviour. */
  SimulatedUpstream key(String id, int priority, KeyBehaviour behaviour) {
    return key(id, priority, behaviour, b -> b);
  }

  SimulatedUpstream key(
      String id, int priority, KeyBehaviour behaviour, UnaryOperator<ApiKeyConfig.Builder> config) {
    behaviours.put(secretOf(id), behaviour.withLabel(id));
    keys.add(
        ApiKeyConfig.builder(id)
            .apiKey(secretOf(id))
            .maxRpm(10_000)
            .maxTpm(100_000_000)
            .priority(priority)
            .taskTypes(TASK));
    customisers.add(config);
    return this;
  }

  SimulatedUpstream strategy(String id) {
    this.strategy = id;
    return this;
  }

  SimulatedUpstream settings(UpstreamSettings value) {
    this.settings = value;
    return this;
  }

  SimulatedUpstream maxHang(Duration value) {
    this.maxHang = value;
    return this;
  }

  SimulatedUpstream start() {
    Scenario.Builder scenario = Scenario.builder().seed(42);
    behaviours.forEach(scenario::key);
    simulator =
        NvidiaSimulator.start(
            SimulatorConfig.builder().clock(clock).scenario(scenario.build()).maxHang(maxHang).build());
    KeyTriageConfig.Builder config = KeyTriageConfig.builder().strategy(TASK, strategy);
    for (int i = 0; i < keys.size(); i++) {
      ApiKeyConfig.Builder b = keys.get(i).baseUrl(simulator.baseUri().toString());
      config.addKey(customisers.get(i).apply(b).build());
    }
    keyTriage = KeyTriage.builder(config.build()).clock(clock).alerts(alerts).upstream(settings).build();
    gateway = keyTriage.gateway();
    return this;
  }

  static String secretOf(String id) {
    return "nvapi-sim-" + id + "-0123456789abcdefXYZ";
  }

  /** Requests the simulator saw for the key, whatever their answer. */
  long calls(String id) {
    return simulator.witness().requestCount(id);
  }

  long totalCalls() {
    return simulator.witness().entries().size();
  }

  GatewayResponse ask(String text) {
    return gateway.complete(Call.of(TASK, chat(text), RoutingHints.DEFAULT));
  }

  static UpstreamRequest chat(String text) {
    return chat(text, 64);
  }

  static UpstreamRequest chat(String text, int maxTokens) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", "meta/llama-3.1-8b-instruct");
    body.put("messages", List.of(Map.of("role", "system", "content", "You are terse."),
        Map.of("role", "user", "content", text)));
    body.put("max_tokens", maxTokens);
    return new UpstreamRequest("/v1/chat/completions", "meta/llama-3.1-8b-instruct", body, false);
  }

  @Override
  public void close() {
    if (keyTriage != null) {
      keyTriage.close();
    }
    if (simulator != null) {
      simulator.close();
    }
  }
}
