package org.keytriage.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthTest {
  private static final String GOOD = "sim-auth-good-key-01";
  private static final String REVOKED = "sim-auth-revoked-key-01";

  private NvidiaSimulator simulator;

  @AfterEach
  void stop() {
    simulator.close();
  }

  private SimClient start(boolean acceptUnknown) {
    Scenario scenario =
        Scenario.builder()
            .acceptUnknownKeys(acceptUnknown)
            .key(GOOD, KeyBehaviour.builder().label("good").build())
            .key(REVOKED, KeyBehaviour.builder().label("revoked").revoked(true).build())
            .build();
    simulator = NvidiaSimulator.start(SimulatorConfig.of(scenario));
    return new SimClient(simulator);
  }

  @Test
  void unknownKeyGets401AndIsNotWitnessed() {
    SimClient client = start(false);

    HttpResponse<String> response = client.chat("sim-nobody-key-99", SimClient.chatBody("hi"));

    assertAuthError(response);
    assertThat(simulator.witness().entries()).isEmpty();
  }

  @Test
  void revokedKeyGets401AndIsWitnessedAsRefused() {
    SimClient client = start(false);

    HttpResponse<String> response = client.chat(REVOKED, SimClient.chatBody("hi"));

    assertAuthError(response);
    assertThat(simulator.witness().entries("revoked"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.accepted()).isFalse();
            });
  }

  @Test
  void missingOrMalformedAuthorizationGets401() {
    SimClient client = start(false);

    assertAuthError(client.chat(null, SimClient.chatBody("hi")));
    assertAuthError(
        client.send(
            client.request("/v1/models", null).header("Authorization", "Basic abc").GET().build()));
  }

  @Test
  void bearerSchemeIsCaseInsensitive() {
    SimClient client = start(false);

    HttpResponse<String> response =
        client.send(
            client
                .request("/v1/models", null)
                .header("Authorization", "bearer " + GOOD)
                .GET()
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void modelsNeedsAKey() {
    SimClient client = start(false);

    assertAuthError(client.get("/v1/models", null));
    HttpResponse<String> ok = client.get("/v1/models", GOOD);
    assertThat(ok.statusCode()).isEqualTo(200);
    JsonObject body = SimClient.json(ok);
    assertThat(body.getString("object")).isEqualTo("list");
    assertThat(body.getJsonArray("data").getValuesAs(JsonObject.class))
        .extracting(m -> m.getString("id"))
        .contains(
            "meta/llama-3.1-8b-instruct",
            "meta/llama-3.1-70b-instruct",
            "meta/llama-3.2-11b-vision-instruct",
            "nvidia/llama-3.1-nemotron-70b-instruct",
            "arc/evo2-40b");
    assertThat(body.getJsonArray("data").getJsonObject(0).getString("object")).isEqualTo("model");
  }

  @Test
  void acceptedUnknownKeysAreServedUnderAMaskedLabel() {
    SimClient client = start(true);

    HttpResponse<String> response = client.chat("sim-walk-in-key-7788", SimClient.chatBody("hi"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(simulator.witness().labels()).containsExactly("\u20267788");
  }

  private static void assertAuthError(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    JsonObject error = SimClient.json(response).getJsonObject("error");
    assertThat(error.getString("type")).isEqualTo("authentication_error");
    assertThat(error.getInt("code")).isEqualTo(401);
    assertThat(error.getString("message")).isNotBlank();
  }
}
