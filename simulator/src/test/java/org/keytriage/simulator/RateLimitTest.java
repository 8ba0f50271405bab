package org.keytriage.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {
  private static final String KEY = "sim-limited-key-01";
  private static final Duration MINUTE = Duration.ofSeconds(60);

  private final MutableClock clock = MutableClock.atSomeFixedTime();
  private NvidiaSimulator simulator;

  @AfterEach
  void stop() {
    simulator.close();
  }

  private SimClient start(KeyBehaviour behaviour) {
    simulator =
        NvidiaSimulator.start(
            SimulatorConfig.builder()
                .clock(clock)
                .scenario(Scenario.builder().key(KEY, behaviour).build())
                .build());
    return new SimClient(simulator);
  }

  @Test
  void rpmLimitAnswers429WithRetryAfterUntilTheWindowMoves() {
    SimClient client = start(KeyBehaviour.builder().label("limited").rpm(3).build());
    String body = SimClient.chatBody("hi");

    for (int i = 0; i < 3; i++) {
      assertThat(client.chat(KEY, body).statusCode()).isEqualTo(200);
      clock.advance(Duration.ofSeconds(10));
    }
    HttpResponse<String> refused = client.chat(KEY, body);

    assertThat(refused.statusCode()).isEqualTo(429);
    // The first request was at t0 and the clock is now t0 + 30 s: it leaves the window in 30 s.
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
    JsonObject error = SimClient.json(refused).getJsonObject("error");
    assertThat(error.getString("type")).isEqualTo("rate_limit_error");
    assertThat(error.getInt("code")).isEqualTo(429);

    clock.advance(Duration.ofSeconds(29));
    assertThat(client.chat(KEY, body).statusCode()).isEqualTo(429);
    clock.advance(Duration.ofSeconds(1));
    assertThat(client.chat(KEY, body).statusCode()).isEqualTo(200);
  }

  @Test
  void aFullMinuteLaterTheKeyIsAdmittedAgain() {
    SimClient client = start(KeyBehaviour.builder().label("limited").rpm(2).build());
    String body = SimClient.chatBody("hi");

    assertThat(client.chat(KEY, body).statusCode()).isEqualTo(200);
    assertThat(client.chat(KEY, body).statusCode()).isEqualTo(200);
    HttpResponse<String> refused = client.chat(KEY, body);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");

    clock.advance(MINUTE);
    assertThat(client.chat(KEY, body).statusCode()).isEqualTo(200);
  }

  @Test
  void refusedRequestsDoNotCountAgainstTheLimit() {
    SimClient client = start(KeyBehaviour.builder().label("limited").rpm(1).build());
    String body = SimClient.chatBody("hi");

    assertThat(client.chat(KEY, body).statusCode()).isEqualTo(200);
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(10));
      assertThat(client.chat(KEY, body).statusCode()).isEqualTo(429);
    }
    // Only the first request is in the window; had the refusals counted, this would be refused.
    clock.advance(Duration.ofSeconds(10));
    assertThat(client.chat(KEY, body).statusCode()).isEqualTo(200);

    WitnessLog witness = simulator.witness();
    assertThat(witness.requestCount("limited")).isEqualTo(7);
    assertThat(witness.maxRequestsInAnyWindow("limited", MINUTE, true)).isEqualTo(1);
    assertThat(witness.maxRequestsInAnyWindow("limited", MINUTE, false)).isEqualTo(6);
  }

  @Test
  void tpmLimitCountsPromptAndCompletionTokens() {
    // "hi": 4 + ceil(2 / 4) = 5 prompt tokens, 16 + 5 = 21 completion tokens: 26 per request.
    SimClient client = start(KeyBehaviour.builder().label("tokens").tpm(60).build());
    String body = SimClient.chatBody("hi");

    assertThat(client.chat(KEY, body).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(15));
    assertThat(client.chat(KEY, body).statusCode()).isEqualTo(200);
    HttpResponse<String> refused = client.chat(KEY, body);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("45");
    assertThat(SimClient.json(refused).getJsonObject("error").getString("message"))
        .contains("tokens per minute");

    clock.advance(Duration.ofSeconds(45));
    assertThat(client.chat(KEY, body).statusCode()).isEqualTo(200);
    assertThat(simulator.witness().maxTokensInAnyWindow("tokens", MINUTE, true)).isEqualTo(52);
  }

  @Test
  void aRequestBiggerThanTheWholeTpmIsRefusedForAMinute() {
    SimClient client = start(KeyBehaviour.builder().tpm(10).build());

    HttpResponse<String> refused = client.chat(KEY, SimClient.chatBody("hi"));

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
  }

  @Test
  void always429RefusesEverything() {
    SimClient client = start(KeyBehaviour.builder().label("full").always429(true).build());

    HttpResponse<String> refused = client.chat(KEY, SimClient.chatBody("hi"));

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
    clock.advance(Duration.ofHours(1));
    assertThat(client.chat(KEY, SimClient.chatBody("hi")).statusCode()).isEqualTo(429);
    assertThat(simulator.witness().entries("full")).noneMatch(WitnessEntry::accepted);
  }

  @Test
  void concurrentBurstNeverExceedsTheLimit() throws Exception {
    SimClient client = start(KeyBehaviour.builder().label("burst").rpm(10).build());
    String body = SimClient.chatBody("hi");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        calls.add(() -> client.chat(KEY, body).statusCode());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(calls)) {
        statuses.add(f.get());
      }
      assertThat(statuses).filteredOn(s -> s == 200).hasSize(10);
      assertThat(statuses).filteredOn(s -> s == 429).hasSize(30);
    } finally {
      pool.shutdownNow();
    }
    assertThat(simulator.witness().maxRequestsInAnyWindow("burst", MINUTE, true)).isEqualTo(10);
  }
}
