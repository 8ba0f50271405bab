package org.keytriage.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
  private static final String KEY = "sim-fault-key-01";
  private static final String HEALTHY = "sim-healthy-key-01";

  private final List<NvidiaSimulator> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(NvidiaSimulator::close);
  }

  private NvidiaSimulator start(long seed, KeyBehaviour behaviour) {
    Scenario scenario =
        Scenario.builder()
            .seed(seed)
            .key(KEY, behaviour)
            .key(HEALTHY, KeyBehaviour.builder().label("healthy").build())
            .build();
    NvidiaSimulator simulator = NvidiaSimulator.start(SimulatorConfig.of(scenario));
    started.add(simulator);
    return simulator;
  }

  private static List<Integer> statuses(NvidiaSimulator simulator, int requests) {
    SimClient client = new SimClient(simulator);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      statuses.add(client.chat(KEY, SimClient.chatBody("request " + i)).statusCode());
    }
    return statuses;
  }

  @Test
  void errorRateIsRepeatableForASeed() {
    KeyBehaviour flaky = KeyBehaviour.builder().label("flaky").errorRate(0.3).build();

    List<Integer> first = statuses(start(7, flaky), 120);
    List<Integer> again = statuses(start(7, flaky), 120);
    List<Integer> otherSeed = statuses(start(8, flaky), 120);

    assertThat(again).isEqualTo(first);
    assertThat(otherSeed).isNotEqualTo(first);
    assertThat(first).isSubsetOf(200, 500, 502, 503);
    long failures = first.stream().filter(s -> s != 200).count();
    assertThat(failures).isBetween(20L, 60L);
    assertThat(first).contains(500, 502, 503);
  }

  @Test
  void injectedErrorsAreWitnessedAsAcceptedWithPromptTokensOnly() {
    NvidiaSimulator simulator =
        start(
            1,
            KeyBehaviour.builder()
                .label("down")
                .errorRate(1.0)
                .errorStatuses(List.of(502))
                .build());

    HttpResponse<String> response = new SimClient(simulator).chat(KEY, SimClient.chatBody("hi"));

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(SimClient.json(response).getJsonObject("error").getString("type"))
        .isEqualTo("server_error");
    assertThat(simulator.witness().entries("down"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.status()).isEqualTo(502);
              assertThat(e.accepted()).isTrue();
              assertThat(e.tokens()).isEqualTo(5);
            });
  }

  @Test
  void latencyDelaysTheAnswer() {
    NvidiaSimulator simulator =
        start(1, KeyBehaviour.builder().latencyMs(150).jitterMs(50).build());

    long began = System.nanoTime();
    HttpResponse<String> response = new SimClient(simulator).chat(KEY, SimClient.chatBody("hi"));
    long tookMs = (System.nanoTime() - began) / 1_000_000;

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(tookMs).isGreaterThanOrEqualTo(150);
  }

  @Test
  void hangWithHangMsAnswersEventually() {
    NvidiaSimulator simulator = start(1, KeyBehaviour.builder().hang(true).hangMs(300).build());

    long began = System.nanoTime();
    HttpResponse<String> response = new SimClient(simulator).chat(KEY, SimClient.chatBody("hi"));
    long tookMs = (System.nanoTime() - began) / 1_000_000;

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(tookMs).isGreaterThanOrEqualTo(300);
  }

  @Test
  void endlessHangTimesTheClientOutAndDoesNotStarveOtherKeys() throws Exception {
    NvidiaSimulator simulator = start(1, KeyBehaviour.builder().label("stuck").hang(true).build());
    SimClient client = new SimClient(simulator);

    // Several stuck requests in flight at once...
    List<CompletableFuture<HttpResponse<String>>> stuck = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      HttpRequest request =
          client
              .request("/v1/chat/completions", KEY)
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.ofString(SimClient.chatBody("hi")))
              .build();
      stuck.add(client.http().sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    }
    // ...while a client with a short timeout gives up on its own...
    HttpRequest impatient =
        client
            .request("/v1/chat/completions", KEY)
            .timeout(Duration.ofMillis(300))
            .POST(HttpRequest.BodyPublishers.ofString(SimClient.chatBody("hi")))
            .build();
    assertThatThrownBy(() -> client.http().send(impatient, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    // ...and a healthy key is still answered.
    assertThat(client.chat(HEALTHY, SimClient.chatBody("hi")).statusCode()).isEqualTo(200);
    assertThat(stuck).noneMatch(CompletableFuture::isDone);
    assertThat(simulator.witness().entries("stuck"))
        .hasSize(9)
        .allSatisfy(e -> assertThat(e.status()).isEqualTo(WitnessEntry.NO_RESPONSE));

    // Closing drops the held connections promptly rather than leaving the clients waiting.
    long began = System.nanoTime();
    simulator.close();
    assertThat((System.nanoTime() - began) / 1_000_000).isLessThan(5_000);
    for (CompletableFuture<HttpResponse<String>> f : stuck) {
      assertThat(f)
          .failsWithin(Duration.ofSeconds(10))
          .withThrowableOfType(ExecutionException.class);
    }
  }

  @Test
  void hangWithoutHangMsIsCappedByMaxHang() {
    NvidiaSimulator simulator =
        NvidiaSimulator.start(
            SimulatorConfig.builder()
                .maxHang(Duration.ofMillis(200))
                .scenario(
                    Scenario.builder().key(KEY, KeyBehaviour.builder().hang(true).build()).build())
                .build());
    started.add(simulator);

    // The connection is dropped without an answer, which the client sees as an I/O failure.
    assertThatThrownBy(() -> new SimClient(simulator).chat(KEY, SimClient.chatBody("hi")))
        .hasCauseInstanceOf(java.io.IOException.class);
  }
}
