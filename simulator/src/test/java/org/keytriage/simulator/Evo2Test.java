package org.keytriage.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Evo2Test {
  private static final String KEY = "sim-genomics-test-key-01";
  private static final String PATH = "/v1/biology/arc/evo2/generate";

  private NvidiaSimulator simulator;
  private SimClient client;

  @BeforeEach
  void start() {
    Scenario scenario =
        Scenario.builder()
            .key(KEY, KeyBehaviour.builder().label("genomics").latencyMs(5).build())
            .build();
    simulator = NvidiaSimulator.start(SimulatorConfig.of(scenario));
    client = new SimClient(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void generatesTheAskedNumberOfNucleotidesDeterministically() {
    String body = "{\"sequence\": \"ACGTACGTAC\", \"num_tokens\": 24}";

    HttpResponse<String> first = client.post(PATH, KEY, body);
    HttpResponse<String> second = client.post(PATH, KEY, body);

    assertThat(first.statusCode()).isEqualTo(200);
    JsonObject answer = SimClient.json(first);
    assertThat(answer.getString("sequence")).hasSize(24).matches("[ACGT]+");
    assertThat(answer.getJsonNumber("elapsed_ms").longValue()).isEqualTo(5);
    assertThat(SimClient.json(second).getString("sequence"))
        .isEqualTo(answer.getString("sequence"));
    assertThat(simulator.witness().entries("genomics"))
        .extracting(WitnessEntry::tokens)
        .containsExactly(34L, 34L);
  }

  @Test
  void refusesBadSequences() {
    assertThat(client.post(PATH, KEY, "{\"sequence\": \"HELLO\"}").statusCode()).isEqualTo(400);
    assertThat(client.post(PATH, KEY, "{\"num_tokens\": 3}").statusCode()).isEqualTo(400);
    assertThat(client.post(PATH, KEY, "{\"sequence\": \"ACGT\", \"num_tokens\": 0}").statusCode())
        .isEqualTo(400);
  }
}
