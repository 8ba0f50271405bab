package org.keytriage.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.models.ModelListPage;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The WAR in Payara Micro, driven over HTTP like integrators, operators and an OpenAI SDK would:
 * one deployment (one boot) for every test, the NVIDIA simulator as upstream.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeyTriageServerIT {
  private static final String CHAT = "/v1/chat/completions";
  private static final String MODEL = "meta/llama-3.1-8b-instruct";

  @ArquillianResource URL deployment;

  private Http http;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ItServer.deployment();
  }

  @AfterAll
  static void stopSimulator() {
    ItServer.stop();
  }

  @BeforeEach
  void client() {
    // the runtime reports its host name; the tests talk to the loopback address only
    http = new Http("http://127.0.0.1:" + deployment.getPort());
  }

  private static String chatBody(String text) {
    return "{\"model\":\"" + MODEL + "\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
  }

  private HttpResponse<String> chat(Caller caller, String taskType, String body) {
    return http.postJson(CHAT, caller, body, taskType == null ? Map.of() : Map.of("X-Task-Type", taskType));
  }

  // ---- OpenAI-compatible endpoint ---------------------------------------------------------

  @Test
  void chatCompletionIsRoutedToTheTaskTypesKey() {
    HttpResponse<String> r = chat(Caller.INTEGRATOR, "batch_processing", chatBody("Summarise synthetic record 1."));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("X-KeyTriage-Key-Id")).contains("batch_primary");
    JsonObject body = Json.object(r.body());
    assertThat(body.getString("object")).isEqualTo("chat.completion");
    assertThat(body.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content")).isNotBlank();
    assertThat(body.getJsonObject("usage").getInt("total_tokens")).isPositive();
  }

  @Test
  void withoutTaskTypeHeaderTheConfiguredDefaultApplies() {
    HttpResponse<String> r = chat(Caller.INTEGRATOR, null, chatBody("Extract findings from synthetic note 2."));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("X-KeyTriage-Task-Type")).contains("medical_text_analysis");
    assertThat(r.headers().firstValue("X-KeyTriage-Key-Id")).contains("medical_primary");
  }

  @Test
  void streamIsRelayedChunkByChunk() {
    String body = "{\"model\":\"" + MODEL + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":"
        + "\"Give a one-line live insight for synthetic reading 3: HR 92, SpO2 96.\"}]}";
    var request = http.request(CHAT, Caller.INTEGRATOR, Map.of("X-Task-Type", "streaming_insights"))
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<Stream<String>> r = http.send(request, HttpResponse.BodyHandlers.ofLines());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    List<String> events = new ArrayList<>();
    List<Long> arrivals = new ArrayList<>();
    try (Stream<String> lines = r.body()) {
      lines.filter(l -> l.startsWith("data: ")).forEach(l -> {
        events.add(l.substring(6));
        arrivals.add(System.nanoTime());
      });
    }
    assertThat(events).hasSizeGreaterThan(3);
    assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
    String text = events.stream().filter(e -> !e.equals("[DONE]"))
        .map(e -> Json.object(e).getJsonArray("choices"))
        .filter(c -> !c.isEmpty())
        .map(c -> c.getJsonObject(0).getJsonObject("delta"))
        .filter(d -> d.containsKey("content"))
        .map(d -> d.getString("content"))
        .collect(Collectors.joining());
    assertThat(text).isNotBlank();
    // the simulator sends a chunk every 10 ms: relayed as they come, the first arrives well before the last
    assertThat((arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1_000_000).isGreaterThanOrEqualTo(50);
  }

  @Test
  void noKeyLeftIs503WithRetryAfter() {
    // the genomics key may take 1 request a minute, and no other key serves genomics
    HttpResponse<String> first = chat(Caller.INTEGRATOR, "genomics_analysis", chatBody("Interpret synthetic variant 4."));
    HttpResponse<String> second = chat(Caller.INTEGRATOR, "genomics_analysis", chatBody("Interpret synthetic variant 5."));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(503);
    assertThat(Long.parseLong(second.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 61L);
    JsonObject error = Json.object(second.body()).getJsonObject("error");
    assertThat(error.getString("message")).startsWith("No available API key for task: genomics_analysis");
    assertThat(error.getString("code")).isEqualTo("no_available_key");
    assertThat(error.getString("type")).isEqualTo("server_error");
  }

  @Test
  void modelsAreListedInOpenAisShape() {
    HttpResponse<String> r = http.get("/v1/models", Caller.INTEGRATOR);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonObject body = Json.object(r.body());
    assertThat(body.getString("object")).isEqualTo("list");
    assertThat(body.getJsonArray("data").getValuesAs(JsonObject.class)).extracting(m -> m.getString("id")).contains(MODEL);
  }

  // ---- bad input: 4xx with a JSON body, never a 500 or a stack trace -------------------------

  @Test
  void badInputOnTheOpenAiPathGetsOpenAiErrors() {
    SoftAssertions soft = new SoftAssertions();
    expectOpenAiError(soft, chat(Caller.INTEGRATOR, "medical_text_analysis", "{\"model\": \"x\", \"messages\": ["), 400, "invalid_json");
    expectOpenAiError(soft, chat(Caller.INTEGRATOR, "medical_text_analysis", "[1, 2]"), 400, "invalid_json");
    expectOpenAiError(soft, chat(Caller.INTEGRATOR, "medical_text_analysis", "{\"messages\": []}"), 400, "invalid_request");
    expectOpenAiError(soft, chat(Caller.INTEGRATOR, "no_such_task", chatBody("hi")), 400, "unknown_task_type");
    expectOpenAiError(soft, chat(Caller.INTEGRATOR, "medical_text_analysis",
        chatBody("x".repeat(ItServer.MAX_BODY + 10))), 413, "body_too_large");
    expectOpenAiError(soft, http.send("POST", CHAT, Caller.INTEGRATOR, "text/plain", chatBody("hi"),
        Map.of("X-Task-Type", "medical_text_analysis")), 415, "unsupported_media_type");
    expectOpenAiError(soft, http.send("GET", CHAT, Caller.INTEGRATOR, null, null, Map.of()), 405, "method_not_allowed");
    expectOpenAiError(soft, http.get("/v1/nothing-here", Caller.INTEGRATOR), 404, "not_found");
    soft.assertAll();
  }

  @Test
  void badInputOnTheOperatorsApiGetsProblemDetails() {
    SoftAssertions soft = new SoftAssertions();
    String strategy = "/api/v1/task-types/medical_text_analysis/strategy";
    expectProblem(soft, http.send("PUT", strategy, Caller.ADMIN, "application/json", "{\"strategy\":", Map.of()), 400, "invalid-json");
    expectProblem(soft, http.send("PUT", strategy, Caller.ADMIN, "application/json", "{\"strategy\": 7}", Map.of()), 400, "invalid-request");
    expectProblem(soft, http.send("PUT", strategy, Caller.ADMIN, "application/json", "{\"strategy\":\"fastest\"}", Map.of()), 400, "unknown-strategy");
    expectProblem(soft, http.send("PUT", "/api/v1/task-types/no_such_task/strategy", Caller.ADMIN, "application/json",
        "{\"strategy\":\"priority\"}", Map.of()), 404, "unknown-task-type");
    expectProblem(soft, http.send("PUT", strategy, Caller.ADMIN, "application/json",
        "{\"strategy\":\"" + "y".repeat(ItServer.MAX_BODY) + "\"}", Map.of()), 413, "body-too-large");
    expectProblem(soft, http.send("PUT", strategy, Caller.ADMIN, "text/plain", "priority", Map.of()), 415, "unsupported-media-type");
    expectProblem(soft, http.send("POST", "/api/v1/keys/no_such_key/deactivate", Caller.ADMIN, null, null, Map.of()), 404, "unknown-key");
    expectProblem(soft, http.get("/api/v1/nothing-here", Caller.ADMIN), 404, "not-found");
    expectProblem(soft, http.send("DELETE", "/api/v1/keys", Caller.ADMIN, null, null, Map.of()), 405, "method-not-allowed");
    soft.assertAll();
  }

  private static void expectOpenAiError(SoftAssertions soft, HttpResponse<String> r, int status, String code) {
    String what = r.request().method() + " " + r.request().uri().getPath() + " -> " + r.body();
    soft.assertThat(r.statusCode()).as(what).isEqualTo(status);
    soft.assertThat(r.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/json");
    soft.assertThat(r.body()).as(what).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("<html");
    JsonObject error = Json.object(r.body()).getJsonObject("error");
    soft.assertThat(error.getString("code")).as(what).isEqualTo(code);
    soft.assertThat(error.getString("message")).as(what).isNotBlank();
    soft.assertThat(error.getString("type")).as(what).isNotBlank();
  }

  private static void expectProblem(SoftAssertions soft, HttpResponse<String> r, int status, String slug) {
    String what = r.request().method() + " " + r.request().uri().getPath() + " -> " + r.body();
    soft.assertThat(r.statusCode()).as(what).isEqualTo(status);
    soft.assertThat(r.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/problem+json");
    soft.assertThat(r.body()).as(what).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("<html");
    JsonObject problem = Json.object(r.body());
    soft.assertThat(problem.getString("type")).as(what).isEqualTo("urn:keytriage:problem:" + slug);
    soft.assertThat(problem.getInt("status")).as(what).isEqualTo(status);
    soft.assertThat(problem.getString("title")).as(what).isNotBlank();
    soft.assertThat(problem.getString("detail")).as(what).isNotBlank();
    soft.assertThat(problem.getString("instance")).as(what).isEqualTo(r.request().uri().getPath());
  }

  // ---- the auth matrix --------------------------------------------------------------------

  private record Call(String method, String path, String body) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  @Test
  void everyEndpointAnswersEachCallerAsExpected() {
    Caller anon = Caller.ANONYMOUS;
    Caller in = Caller.INTEGRATOR;
    Caller wrong = Caller.WRONG_SCOPE_INTEGRATOR;
    Caller admin = Caller.ADMIN;
    Caller ops = Caller.OPS;
    Caller badPassword = Caller.WRONG_PASSWORD;
    List<Caller> callers = List.of(anon, in, wrong, admin, ops, badPassword);
    Map<Call, List<Integer>> expected = new java.util.LinkedHashMap<>();
    // statuses in the order of `callers`
    expected.put(new Call("POST", CHAT, chatBody("Summarise synthetic case 6.")), List.of(401, 200, 403, 401, 401, 401));
    // the X-Task-Type sent with every call is out of the wrong-scope integrator's scope
    expected.put(new Call("GET", "/v1/models", null), List.of(401, 200, 403, 401, 401, 401));
    for (String read : List.of("/api/v1/keys", "/api/v1/keys/medical_primary", "/api/v1/metrics", "/api/v1/health",
        "/api/v1/optimization", "/api/v1/strategies", "/api/v1/task-types", "/api/v1/alerts")) {
      expected.put(new Call("GET", read, null), List.of(401, 401, 401, 200, 200, 401));
    }
    for (String change : List.of("activate", "deactivate", "restore")) {
      expected.put(new Call("POST", "/api/v1/keys/multimodal_primary/" + change, null), List.of(401, 401, 401, 200, 403, 401));
    }
    expected.put(new Call("PUT", "/api/v1/task-types/multimodal_fusion/strategy", "{\"strategy\":\"round_robin\"}"),
        List.of(401, 401, 401, 200, 403, 401));

    SoftAssertions soft = new SoftAssertions();
    expected.forEach((call, statuses) -> {
      for (int i = 0; i < callers.size(); i++) {
        Caller caller = callers.get(i);
        HttpResponse<String> r = http.send(call.method(), call.path(), caller,
            call.body() == null ? null : "application/json", call.body(), Map.of("X-Task-Type", "medical_text_analysis"));
        String what = call + " as " + caller + " -> " + r.body();
        soft.assertThat(r.statusCode()).as(what).isEqualTo(statuses.get(i));
        if (r.statusCode() == 401 || r.statusCode() == 403) {
          String type = r.headers().firstValue("Content-Type").orElse("");
          soft.assertThat(type).as(what).startsWith(call.path().startsWith("/v1") ? "application/json" : "application/problem+json");
          soft.assertThat(Json.parse(r.body())).as(what).isNotNull();
        }
        if (r.statusCode() == 401) {
          soft.assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).as(what)
              .startsWith(call.path().startsWith("/v1") ? "Bearer" : "Basic");
        }
      }
    });
    soft.assertAll();
    // the matrix ran deactivate after activate: leave the key switched on
    assertThat(http.send("POST", "/api/v1/keys/multimodal_primary/activate", admin, null, null, Map.of()).statusCode()).isEqualTo(200);
  }

  @Test
  void wrongScopeIntegratorIsToldWhatItMayUse() {
    HttpResponse<String> r = chat(Caller.WRONG_SCOPE_INTEGRATOR, "medical_text_analysis", chatBody("hi"));
    assertThat(r.statusCode()).isEqualTo(403);
    JsonObject error = Json.object(r.body()).getJsonObject("error");
    assertThat(error.getString("type")).isEqualTo("permission_error");
    assertThat(error.getString("message")).contains("batch-etl").contains("batch_processing");
    assertThat(chat(Caller.WRONG_SCOPE_INTEGRATOR, "batch_processing", chatBody("Summarise synthetic record 7.")).statusCode())
        .isEqualTo(200);
  }

  // ---- the operators' API ------------------------------------------------------------------

  @Test
  void keysShowMaskedSecretsLimitsUsageAndState() {
    chat(Caller.INTEGRATOR, "medical_text_analysis", chatBody("Extract findings from synthetic note 8."));
    HttpResponse<String> r = http.get("/api/v1/keys", Caller.OPS);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonArray keys = Json.array(r.body());
    assertThat(keys).hasSize(5);
    JsonObject medical = keys.getValuesAs(JsonObject.class).stream()
        .filter(k -> k.getString("key_id").equals("medical_primary")).findFirst().orElseThrow();
    assertThat(medical.getString("api_key")).isEqualTo("\u2026y-01");
    assertThat(medical.getJsonObject("limits").getInt("max_rpm")).isEqualTo(600);
    assertThat(medical.getJsonObject("usage").getInt("total_requests")).isPositive();
    assertThat(medical.getJsonObject("state").getString("circuit_state")).isEqualTo("closed");
    assertThat(medical.getJsonObject("state").getBoolean("quarantined")).isFalse();
    assertThat(medical.getString("status")).isEqualTo("available");
    assertNoSecret(r.body());
  }

  @Test
  void deactivatedKeyLeavesItsTaskTypeWithoutKeyUntilActivated() {
    assertThat(http.send("POST", "/api/v1/keys/batch_primary/deactivate", Caller.ADMIN, null, null, Map.of()).body())
        .contains("\"status\":\"inactive\"");
    HttpResponse<String> refused = chat(Caller.INTEGRATOR, "batch_processing", chatBody("Summarise synthetic record 9."));
    HttpResponse<String> reactivated = http.send("POST", "/api/v1/keys/batch_primary/activate", Caller.ADMIN, null, null, Map.of());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(reactivated.body()).contains("\"status\":\"available\"");
    assertThat(chat(Caller.INTEGRATOR, "batch_processing", chatBody("Summarise synthetic record 10.")).statusCode()).isEqualTo(200);
    assertThat(http.send("POST", "/api/v1/keys/batch_primary/restore", Caller.ADMIN, null, null, Map.of()).statusCode()).isEqualTo(200);
  }

  @Test
  void reportsHaveTheGuidesShapes() {
    chat(Caller.INTEGRATOR, "medical_text_analysis", chatBody("Extract findings from synthetic note 11."));
    JsonObject metrics = Json.object(http.get("/api/v1/metrics", Caller.OPS).body());
    assertThat(metrics.keySet()).contains("total_cost", "total_requests", "overall_success_rate", "key_metrics",
        "cost_analysis", "task_distribution");
    assertThat(metrics.getJsonObject("key_metrics").getJsonObject("medical_primary").keySet())
        .contains("total_requests", "success_rate", "average_response_time", "current_rpm", "current_tpm");
    assertThat(metrics.getJsonObject("task_distribution").getJsonObject("medical_text_analysis").getInt("medical_primary")).isPositive();

    JsonObject health = Json.object(http.get("/api/v1/health", Caller.OPS).body());
    assertThat(health.getString("status")).isIn("healthy", "degraded", "unhealthy");
    assertThat(health.getInt("health_score")).isBetween(0, 100);
    assertThat(health.getJsonObject("api_key_status").getInt("active_keys")).isPositive();

    JsonObject advice = Json.object(http.get("/api/v1/optimization", Caller.ADMIN).body());
    assertThat(advice.getInt("optimization_score")).isBetween(0, 100);
    assertThat(advice.getJsonArray("recommendations")).isNotNull();
    advice.getJsonArray("recommendations").getValuesAs(JsonObject.class)
        .forEach(rec -> assertThat(rec.keySet()).contains("type", "message"));
  }

  @Test
  void strategiesAndTaskTypesCanBeListedAndSwitched() {
    JsonObject strategies = Json.object(http.get("/api/v1/strategies", Caller.OPS).body());
    assertThat(strategies.getJsonArray("strategies").getValuesAs(JsonObject.class)).extracting(s -> s.getString("id"))
        .contains("round_robin", "least_loaded", "priority", "weighted", "lowest_latency", "lowest_cost");
    strategies.getJsonArray("strategies").getValuesAs(JsonObject.class)
        .forEach(s -> assertThat(s.keySet()).contains("description", "config_properties", "used_by"));

    JsonArray taskTypes = Json.array(http.get("/api/v1/task-types", Caller.OPS).body());
    assertThat(taskTypes.getValuesAs(JsonObject.class)).extracting(t -> t.getString("task_type"))
        .contains("medical_text_analysis", "diagnostic_report_generation", "genomics_analysis", "streaming_insights",
            "batch_processing", "multimodal_fusion");

    HttpResponse<String> switched = http.send("PUT", "/api/v1/task-types/diagnostic_report_generation/strategy",
        Caller.ADMIN, "application/json", "{\"strategy\":\"lowest_cost\"}", Map.of());
    assertThat(switched.statusCode()).as(switched.body()).isEqualTo(200);
    assertThat(Json.object(switched.body()).getString("strategy")).isEqualTo("lowest_cost");
    assertThat(http.get("/api/v1/task-types", Caller.OPS).body())
        .contains("\"task_type\":\"diagnostic_report_generation\",\"strategy\":\"lowest_cost\"");
    http.send("PUT", "/api/v1/task-types/diagnostic_report_generation/strategy", Caller.ADMIN, "application/json",
        "{\"strategy\":\"round_robin\"}", Map.of());
  }

  // ---- MicroProfile Metrics, Health and OpenAPI ---------------------------------------------

  @Test
  void prometheusMetricsCarryTheApplicationFiguresWithTheirLabelsAndNoSecret() {
    chat(Caller.INTEGRATOR, "medical_text_analysis", chatBody("Extract findings from synthetic note 12."));
    HttpResponse<String> r = http.get("/metrics", Caller.ANONYMOUS, Map.of("Accept", "text/plain"));
    assertThat(r.statusCode()).isEqualTo(200);
    List<String> lines = r.body().lines().filter(l -> l.startsWith("keytriage_")).toList();
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("keytriage_requests_total{")
        .contains("task_type=\"medical_text_analysis\"").contains("key=\"medical_primary\"").contains("outcome=\"success\""));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("keytriage_request_duration_seconds")
        .contains("task_type=\"medical_text_analysis\""));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("keytriage_tokens_total{")
        .contains("key=\"medical_primary\"").contains("task_type=\"medical_text_analysis\""));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("keytriage_key_rpm_limit{")
        .contains("key=\"medical_primary\"").endsWith(" 600.0"));
    for (String gauge : List.of("keytriage_key_rpm{", "keytriage_key_tpm{", "keytriage_key_tpm_limit{",
        "keytriage_key_cost_dollars{", "keytriage_key_cooling_down{", "keytriage_key_circuit_open{",
        "keytriage_key_circuit_state{", "keytriage_key_quarantined{", "keytriage_key_active{", "keytriage_key_usable{",
        "keytriage_task_cost_dollars{")) {
      assertThat(lines).as(gauge).anySatisfy(l -> assertThat(l).startsWith(gauge));
    }
    assertNoSecret(r.body());
  }

  @Test
  void healthProbesReportReadinessAndLiveness() {
    HttpResponse<String> ready = http.get("/health/ready", Caller.ANONYMOUS);
    assertThat(ready.statusCode()).isEqualTo(200);
    JsonObject check = Json.object(ready.body()).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(c -> c.getString("name").equals("keytriage-keys")).findFirst().orElseThrow();
    assertThat(check.getString("status")).isEqualTo("UP");
    HttpResponse<String> live = http.get("/health/live", Caller.ANONYMOUS);
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).contains("keytriage-engine").contains("UP");
  }

  @Test
  void openApiDocumentsEveryEndpoint() {
    HttpResponse<String> r = http.get("/openapi", Caller.ANONYMOUS);
    assertThat(r.statusCode()).isEqualTo(200);
    java.nio.file.Path copy = java.nio.file.Path.of(System.getProperty("keytriage.it.dir", "target/it"), "openapi.yaml");
    assertThat(copy.getParent()).exists();
    try {
      java.nio.file.Files.writeString(copy, r.body()); // for a person to read after the build
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(r.body()).contains("/v1/chat/completions:", "/v1/models:", "/api/v1/keys:", "/api/v1/keys/{id}:",
        "/api/v1/keys/{id}/activate:", "/api/v1/keys/{id}/deactivate:", "/api/v1/keys/{id}/restore:",
        "/api/v1/metrics:", "/api/v1/health:", "/api/v1/optimization:", "/api/v1/strategies:",
        "/api/v1/task-types:", "/api/v1/task-types/{type}/strategy:", "/api/v1/alerts:",
        "integratorToken", "basicAuth");
  }

  // ---- the official OpenAI Java SDK, only base URL and key changed ----------------------------

  @Test
  void openAiJavaSdkWorksWithBaseUrlAndKeyOnly() {
    OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(http.base() + "/v1").apiKey(ItServer.EHR_TOKEN).build();
    try {
      ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
          .model(MODEL).addUserMessage("Extract findings from synthetic note 13.").maxCompletionTokens(64).build();
      ChatCompletion completion = client.chat().completions().create(params);
      assertThat(completion.choices()).isNotEmpty();
      assertThat(completion.choices().get(0).message().content()).hasValueSatisfying(c -> assertThat(c).isNotBlank());

      StringBuilder streamed = new StringBuilder();
      int[] chunks = {0};
      try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
        stream.stream().forEach(chunk -> {
          chunks[0]++;
          chunk.choices().forEach(c -> c.delta().content().ifPresent(streamed::append));
        });
      }
      assertThat(chunks[0]).isGreaterThan(2);
      assertThat(streamed.toString()).isNotBlank();

      ModelListPage models = client.models().list();
      assertThat(models.data()).extracting(m -> m.id()).contains(MODEL);
    } finally {
      client.close();
    }
    OpenAIClient wrongKey = OpenAIOkHttpClient.builder().baseUrl(http.base() + "/v1").apiKey("not-a-token").build();
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrongKey.models().list())
          .isInstanceOf(UnauthorizedException.class);
    } finally {
      wrongKey.close();
    }
  }

  private static void assertNoSecret(String text) {
    for (String secret : ItServer.SECRETS) {
      assertThat(text).doesNotContain(secret);
    }
  }
}
