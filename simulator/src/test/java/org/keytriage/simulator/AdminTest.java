package org.keytriage.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminTest {
  private static final String KEY = "sim-admin-key-01";
  private static final String UNLABELLED = "sim-admin-unlabelled-key-4321";

  private final MutableClock clock = MutableClock.atSomeFixedTime();
  private NvidiaSimulator simulator;
  private SimClient client;

  @BeforeEach
  void start() {
    Scenario scenario =
        Scenario.builder()
            .seed(42)
            .key(KEY, KeyBehaviour.builder().label("admin_test").rpm(2).build())
            .key(UNLABELLED, KeyBehaviour.defaults())
            .build();
    simulator =
        NvidiaSimulator.start(SimulatorConfig.builder().clock(clock).scenario(scenario).build());
    client = new SimClient(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void putChangesBehaviourAtRunTime() {
    assertThat(client.chat(KEY, SimClient.chatBody("hi")).statusCode()).isEqualTo(200);

    HttpResponse<String> put = client.put("/admin/keys/admin_test", "{\"revoked\": true}");

    assertThat(put.statusCode()).isEqualTo(200);
    JsonObject updated = SimClient.json(put);
    assertThat(updated.getBoolean("revoked")).isTrue();
    assertThat(updated.getInt("rpm")).as("fields not given are kept").isEqualTo(2);
    assertThat(client.chat(KEY, SimClient.chatBody("hi")).statusCode()).isEqualTo(401);

    client.put("/admin/keys/admin_test", "{\"revoked\": false, \"always_429\": true}");
    assertThat(client.chat(KEY, SimClient.chatBody("hi")).statusCode()).isEqualTo(429);
    assertThat(simulator.behaviour("admin_test"))
        .get()
        .extracting(KeyBehaviour::always429)
        .isEqualTo(true);
  }

  @Test
  void putRefusesUnknownLabelsAndFields() {
    assertThat(client.put("/admin/keys/nobody", "{\"rpm\": 1}").statusCode()).isEqualTo(404);
    HttpResponse<String> typo = client.put("/admin/keys/admin_test", "{\"rmp\": 1}");
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(SimClient.json(typo).getJsonObject("error").getString("message")).contains("rmp");
    assertThat(client.put("/admin/keys/admin_test", "{\"error_rate\": 2}").statusCode())
        .isEqualTo(400);
  }

  @Test
  void setBehaviourInProcessWorksToo() {
    simulator.setBehaviour(KEY, KeyBehaviour.builder().errorRate(1.0).build());

    assertThat(client.chat(KEY, SimClient.chatBody("hi")).statusCode()).isBetween(500, 503);
    assertThat(simulator.behaviour("admin_test")).as("a null label keeps the old one").isPresent();
  }

  @Test
  void witnessEndpointListsEntriesByLabelWithoutRawKeys() {
    client.chat(KEY, SimClient.chatBody("hi"));
    client.chat(UNLABELLED, SimClient.chatBody("hi"));

    HttpResponse<String> response = client.get("/admin/witness", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain(KEY).doesNotContain(UNLABELLED);
    JsonObject keys = SimClient.json(response).getJsonObject("keys");
    assertThat(keys.keySet()).containsExactly("admin_test", "\u20264321");
    JsonObject entry = keys.getJsonArray("admin_test").getJsonObject(0);
    assertThat(entry.getJsonNumber("t").longValue()).isEqualTo(clock.millis());
    assertThat(entry.getInt("tokens")).isEqualTo(26);
    assertThat(entry.getInt("status")).isEqualTo(200);
  }

  @Test
  void violationsReportTheBusiestWindowAgainstLimits() {
    for (int i = 0; i < 3; i++) {
      client.chat(KEY, SimClient.chatBody("hi"));
    }

    JsonObject own = SimClient.json(client.get("/admin/witness/violations", null));
    JsonObject stricter = SimClient.json(client.get("/admin/witness/violations?rpm=1", null));

    JsonObject mine = own.getJsonObject("keys").getJsonObject("admin_test");
    assertThat(mine.getInt("max_requests")).isEqualTo(2);
    assertThat(mine.getBoolean("violated")).isFalse();
    assertThat(own.getJsonArray("violations")).isEmpty();
    assertThat(stricter.getJsonArray("violations").getString(0)).isEqualTo("admin_test");
    assertThat(client.get("/admin/witness/violations?rpm=x", null).statusCode()).isEqualTo(400);
  }

  @Test
  void resetClearsWitnessAndLimiter() {
    client.chat(KEY, SimClient.chatBody("hi"));
    client.chat(KEY, SimClient.chatBody("hi"));
    assertThat(client.chat(KEY, SimClient.chatBody("hi")).statusCode()).isEqualTo(429);

    HttpResponse<String> reset =
        client.send(
            client.request("/admin/reset", null).POST(HttpRequest.BodyPublishers.noBody()).build());

    assertThat(reset.statusCode()).isEqualTo(200);
    assertThat(simulator.witness().entries()).isEmpty();
    assertThat(client.chat(KEY, SimClient.chatBody("hi")).statusCode()).isEqualTo(200);
  }

  @Test
  void scenarioEndpointShowsBehavioursByLabel() {
    HttpResponse<String> response = client.get("/admin/scenario", null);

    assertThat(response.body()).doesNotContain(KEY);
    JsonObject scenario = SimClient.json(response);
    assertThat(scenario.getInt("seed")).isEqualTo(42);
    assertThat(scenario.getBoolean("accept_unknown_keys")).isFalse();
    assertThat(scenario.getJsonArray("keys").getJsonObject(0).getString("label"))
        .isEqualTo("admin_test");
    assertThat(scenario.getJsonArray("keys").getJsonObject(0).getInt("rpm")).isEqualTo(2);
  }

  @Test
  void adminNeedsNoKeyButAnsweredMethodsOnly() {
    assertThat(client.get("/admin/reset", null).statusCode()).isEqualTo(405);
    assertThat(client.get("/admin/nothing", null).statusCode()).isEqualTo(404);
    assertThat(
            simulator.witness().maxRequestsInAnyWindow("admin_test", Duration.ofMinutes(1), true))
        .isZero();
  }
}
