package org.keytriage.clinical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.simulator.KeyBehaviour;
import org.keytriage.simulator.NvidiaSimulator;
import org.keytriage.simulator.Scenario;
import org.keytriage.simulator.SimulatorConfig;
import org.keytriage.spi.TaskTypes;

/**
 * The guide's key layout in front of an in-process simulator on 127.0.0.1: one specialised key per
 * task family (medical text and diagnostic reports share one, as in the guide's sample), a cheap
 * batch key and a general backup. Key id = simulator label.
 */
final class SimulatedHospital implements AutoCloseable {
  static final String MEDICAL = "medical_text_primary";
  static final String GENOMICS = "genomics_primary";
  static final String STREAMING = "streaming_primary";
  static final String BATCH = "batch_primary";
  static final String MULTIMODAL = "multimodal_primary";
  static final String BACKUP = "general_backup";
  static final double BATCH_COST_PER_TOKEN = 0.00005;

  private final Map<String, KeyBehaviour> behaviours = new LinkedHashMap<>();
  private final List<ApiKeyConfig> keys = new ArrayList<>();

  NvidiaSimulator simulator;
  KeyTriage keyTriage;
  /** What the gateway published since {@link #start()}. */
  Recording recording;
  private java.util.function.UnaryOperator<KeyTriage.Builder> engine = b -> b;

  SimulatedHospital() {
    key(MEDICAL, 0.0001, TaskTypes.MEDICAL_TEXT_ANALYSIS, TaskTypes.DIAGNOSTIC_REPORT_GENERATION);
    key(GENOMICS, 0.0001, TaskTypes.GENOMICS_ANALYSIS);
    key(STREAMING, 0.0001, TaskTypes.STREAMING_INSIGHTS);
    key(BATCH, BATCH_COST_PER_TOKEN, TaskTypes.BATCH_PROCESSING);
    key(MULTIMODAL, 0.00015, TaskTypes.MULTIMODAL_FUSION);
    key(BACKUP, 0.0002);
  }

  private void key(String id, double costPerToken, String... tasks) {
    behaviours.put(secretOf(id), KeyBehaviour.builder().label(id).build());
    keys.add(ApiKeyConfig.builder(id)
        .apiKey(secretOf(id))
        .maxRpm(10_000)
        .maxTpm(100_000_000)
        .priority(3)
        .taskTypes(tasks)
        .costPerToken(costPerToken)
        .backup(tasks.length == 0)
        .build());
  }

  /** Changes the engine's settings (e.g. handler settings) before {@link #start()}. */
  SimulatedHospital engine(java.util.function.UnaryOperator<KeyTriage.Builder> value) {
    this.engine = value;
    return this;
  }

  /** Changes a key's simulator behaviour before {@link #start()}. */
  SimulatedHospital behaviour(String id, KeyBehaviour behaviour) {
    behaviours.put(secretOf(id), behaviour.withLabel(id));
    return this;
  }

  SimulatedHospital start() {
    Scenario.Builder scenario = Scenario.builder().seed(7);
    behaviours.forEach(scenario::key);
    simulator = NvidiaSimulator.start(SimulatorConfig.builder().port(0).scenario(scenario.build()).build());
    KeyTriageConfig.Builder config = KeyTriageConfig.builder();
    for (ApiKeyConfig k : keys) {
      config.addKey(k.toBuilder().baseUrl(simulator.baseUri().toString()).build());
    }
    keyTriage = engine.apply(KeyTriage.builder(config.build())).build();
    recording = new Recording();
    keyTriage.events().subscribe(recording);
    return this;
  }

  ApiKeyConfig config(String id) {
    return keyTriage.key(id);
  }

  static String secretOf(String id) {
    return "nvapi-sim-" + id + "-0123456789abcdefXYZ";
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
