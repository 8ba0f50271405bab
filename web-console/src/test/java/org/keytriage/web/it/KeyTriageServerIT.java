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
import org.keytriage.web.security.Integrators;
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
    // every endpoint is tried with a wrong password too: more failures from 127.0.0.1 than the
    // default throttle lets through, which would lock the right password out as well
    return ItServer.deployment("keytriage.login.max-failures=1000\n");
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
    // the genomics key may take 1 request a minute, and no other key serves genomics: the typed call takes it
    HttpResponse<String> first = task(Caller.INTEGRATOR, "genomics_analysis", TypedInputs.GENOMICS);
    HttpResponse<String> second = chat(Caller.INTEGRATOR, "genomics_analysis", chatBody("Interpret synthetic variant 5."));
    HttpResponse<String> typedSecond = task(Caller.INTEGRATOR, "genomics_analysis", TypedInputs.GENOMICS);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    JsonObject genomics = expectTypedOutcome(first, "genomics_analysis", "genomics_one_per_minute");
    JsonObject risk = genomics.getJsonObject("result").getJsonObject("risk");
    assertThat(risk.getJsonNumber("polygenic_risk_score").doubleValue()).isEqualTo(0.8);
    assertThat(risk.getInt("scored_variants")).isEqualTo(2);
    assertThat(genomics.getJsonObject("result").getJsonArray("variant_interpretations")).isNotEmpty();
    assertThat(typedSecond.statusCode()).as(typedSecond.body()).isEqualTo(503);
    assertThat(Long.parseLong(typedSecond.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 62L);
    assertThat(typedSecond.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(Json.object(typedSecond.body()).getString("detail")).startsWith("No available API key for task: genomics_analysis");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(503);
    assertThat(Long.parseLong(second.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 62L);
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
    // credentials that are not name:password in base64 leave the caller anonymous: 401, never a 500
    for (String malformed : List.of("Basic %%%not-base64", "Basic " + java.util.Base64.getEncoder()
        .encodeToString("no-colon".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "Basic ")) {
      HttpResponse<String> r = http.get("/api/v1/keys", Caller.ANONYMOUS, Map.of("Authorization", malformed));
      expectProblem(soft, r, 401, "authentication-required");
      soft.assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
    }
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
    expected.put(new Call("POST", "/api/v1/tasks/medical_text_analysis", TypedInputs.MEDICAL_TEXT),
        List.of(401, 200, 403, 401, 401, 401));
    for (String read : List.of("/api/v1/keys", "/api/v1/keys/medical_primary", "/api/v1/metrics", "/api/v1/health",
        "/api/v1/optimization", "/api/v1/strategies", "/api/v1/task-types", "/api/v1/alerts", "/prometheus",
        "/api/v1/requests", "/api/v1/spend", "/api/v1/audit", "/api/v1/audit/verify", "/api/v1/integrators")) {
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
        // integrators authenticate by Bearer token on /v1 and on the typed task API
        boolean integratorPath = call.path().startsWith("/v1") || call.path().startsWith("/api/v1/tasks");
        if (r.statusCode() == 401 || r.statusCode() == 403) {
          String type = r.headers().firstValue("Content-Type").orElse("");
          soft.assertThat(type).as(what).startsWith(call.path().startsWith("/v1") ? "application/json" : "application/problem+json");
          soft.assertThat(Json.parse(r.body())).as(what).isNotNull();
        }
        if (r.statusCode() == 401) {
          soft.assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).as(what)
              .startsWith(integratorPath ? "Bearer" : "Basic");
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

  // ---- run-time key management ------------------------------------------------------------

  @Test
  void keysAddedChangedRotatedAndRetiredAtRunTimeServeAtOnceAndAreAudited() throws Exception {
    var witness = ItServer.simulator().witness();
    String added = "{\"key_id\":\"it_runtime\",\"api_key\":\"sim-diagnostic-report-key-01\",\"max_rpm\":600,"
        + "\"max_tpm\":200000,\"priority\":5,\"task_types\":[\"genomics_analysis\"],\"cost_per_token\":0.0001,"
        + "\"base_url\":\"" + ItServer.upstream() + "\"}";
    HttpResponse<String> created = http.postJson("/api/v1/keys", Caller.ADMIN, added, Map.of());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).get().asString().endsWith("/api/v1/keys/it_runtime");
    assertThat(created.body()).contains("\"api_key\":\"\u2026y-01\"").doesNotContain("sim-diagnostic-report-key-01");
    assertThat(http.postJson("/api/v1/keys", Caller.ADMIN, added, Map.of()).statusCode()).isEqualTo(409);
    assertThat(http.postJson("/api/v1/keys", Caller.OPS, added, Map.of()).statusCode()).isEqualTo(403);

    long before = witness.requestCount("diagnostic_report_primary");
    for (int i = 0; i < 3; i++) {
      assertThat(chat(Caller.INTEGRATOR, "genomics_analysis", chatBody("Interpret synthetic variant " + (40 + i) + "."))
          .statusCode()).isEqualTo(200);
    }
    assertThat(witness.requestCount("diagnostic_report_primary")).as("the added key served").isGreaterThan(before);

    HttpResponse<String> changed = http.send("PUT", "/api/v1/keys/it_runtime", Caller.ADMIN,
        "application/json", "{\"max_rpm\":700,\"daily_budget\":25}", Map.of());
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(Json.object(changed.body()).getJsonObject("limits").getInt("max_rpm")).isEqualTo(700);
    HttpResponse<String> secretByPut = http.send("PUT", "/api/v1/keys/it_runtime", Caller.ADMIN,
        "application/json", "{\"api_key\":\"sim-shared-backup-key-01\"}", Map.of());
    assertThat(secretByPut.statusCode()).isEqualTo(400);
    assertThat(secretByPut.body()).contains("\"field\":\"api_key\"").contains("/rotate")
        .doesNotContain("sim-shared-backup-key-01");
    HttpResponse<String> invalid = http.postJson("/api/v1/keys", Caller.ADMIN,
        added.replace("it_runtime", "it_invalid").replace("\"max_rpm\":600", "\"max_rpm\":0"), Map.of());
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("\"field\":\"max_rpm\"").doesNotContain("sim-diagnostic-report-key-01");

    HttpResponse<String> rotated = http.postJson("/api/v1/keys/it_runtime/rotate?reason=scheduled", Caller.ADMIN,
        "{\"api_key\":\"sim-shared-backup-key-01\"}", Map.of());
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
    assertThat(rotated.body()).contains("\"rotated_at\"").doesNotContain("sim-shared-backup-key-01");
    long oldAfterRotation = witness.requestCount("diagnostic_report_primary");
    long newBefore = witness.requestCount("shared_backup");
    for (int i = 0; i < 3; i++) {
      assertThat(chat(Caller.INTEGRATOR, "genomics_analysis", chatBody("Interpret synthetic variant " + (50 + i) + "."))
          .statusCode()).isEqualTo(200);
    }
    assertThat(witness.requestCount("shared_backup")).as("the new secret is used").isGreaterThan(newBefore);
    assertThat(witness.requestCount("diagnostic_report_primary")).as("the old one is not").isEqualTo(oldAfterRotation);

    assertThat(http.send("DELETE", "/api/v1/keys/it_runtime", Caller.ADMIN, null, null, Map.of()).statusCode())
        .isEqualTo(200);
    assertThat(http.get("/api/v1/keys/it_runtime", Caller.OPS).statusCode()).isEqualTo(404);

    JsonObject audit = awaitAudit("key.retired");
    List<JsonObject> entries = audit.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
        .filter(e -> e.getString("target").equals("it_runtime")).toList();
    assertThat(entries).extracting(e -> e.getString("action"))
        .containsSubsequence("key.retired", "key.rotated", "key.changed", "key.added");
    JsonObject rotation = entries.stream().filter(e -> e.getString("action").equals("key.rotated")).findFirst()
        .orElseThrow();
    assertThat(rotation.getString("actor")).isEqualTo(ItServer.ADMIN);
    assertThat(rotation.getJsonObject("details").getString("reason")).isEqualTo("scheduled");
    assertThat(rotation.getJsonObject("details").getString("before")).contains("\u2026y-01");
    assertThat(audit.toString()).doesNotContain("sim-shared-backup-key-01").doesNotContain("sim-diagnostic-report-key-01");
  }

  @Test
  void integratorTokensCreatedAtRunTimeWorkAtOnceAndStopWhenRevoked() throws Exception {
    HttpResponse<String> created = http.postJson("/api/v1/integrators", Caller.ADMIN,
        "{\"name\":\"radiology\",\"task_types\":[\"multimodal_fusion\"],\"expires_at\":\"2099-01-01\"}", Map.of());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject integrator = Json.object(created.body());
    String token = integrator.getString("token");
    String id = integrator.getString("id");
    assertThat(token).startsWith("kt-").hasSizeGreaterThan(30);
    Caller radiology = Caller.bearer("radiology", token);

    assertThat(chat(radiology, "multimodal_fusion", chatBody("Fuse synthetic findings 60.")).statusCode()).isEqualTo(200);
    assertThat(chat(radiology, "genomics_analysis", chatBody("x")).statusCode()).isEqualTo(403);
    HttpResponse<String> list = http.get("/api/v1/integrators", Caller.OPS);
    assertThat(list.body()).contains("\"name\":\"ehr\"", "\"source\":\"configuration\"", "\"name\":\"radiology\"",
        "\"expires_at\":\"2099-01-01T00:00:00Z\"").doesNotContain(token)
        .doesNotContain(Integrators.sha256Hex(token));
    assertThat(http.postJson("/api/v1/integrators", Caller.ADMIN, "{\"name\":\"ehr\",\"task_types\":[\"*\"]}",
        Map.of()).statusCode()).isEqualTo(409);
    HttpResponse<String> badScope = http.postJson("/api/v1/integrators", Caller.ADMIN,
        "{\"name\":\"x\",\"task_types\":[\"x_ray\"]}", Map.of());
    assertThat(badScope.statusCode()).isEqualTo(400);
    assertThat(badScope.body()).contains("task_types").contains("x_ray");

    HttpResponse<String> revoked = http.send("DELETE", "/api/v1/integrators/" + id, Caller.ADMIN, null, null, Map.of());
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    assertThat(revoked.body()).contains("\"revoked_at\":\"");
    assertThat(chat(radiology, "multimodal_fusion", chatBody("Fuse synthetic findings 61.")).statusCode()).isEqualTo(401);
    assertThat(awaitAudit("integrator.revoked").toString()).contains("integrator.created").doesNotContain(token);
  }

  // ---- the store: request log, spend, audit --------------------------------------------------

  @Test
  void everyAnswerCarriesARequestIdAndEachServedRequestIsLoggedUnderItWithoutContent() throws Exception {
    HttpResponse<String> served = chat(Caller.INTEGRATOR, "streaming_insights", chatBody("Interpret synthetic variant 31."));
    HttpResponse<String> refused = chat(Caller.ANONYMOUS, "streaming_insights", chatBody("x"));
    HttpResponse<String> typed = http.postJson("/api/v1/tasks/medical_text_analysis", Caller.INTEGRATOR,
        TypedInputs.MEDICAL_TEXT, Map.of());
    assertThat(served.statusCode()).isEqualTo(200);
    String id = served.headers().firstValue("x-request-id").orElseThrow();
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(refused.headers().firstValue("x-request-id")).isPresent().get().isNotEqualTo(id);
    String typedId = typed.headers().firstValue("x-request-id").orElseThrow();

    JsonObject row = awaitRequestRow(id);
    assertThat(row.getString("integrator")).isEqualTo("ehr");
    assertThat(row.getString("origin")).isEqualTo("v1");
    assertThat(row.getString("task_type")).isEqualTo("streaming_insights");
    assertThat(row.getString("key_id")).isEqualTo("streaming_primary");
    assertThat(row.getString("outcome")).isEqualTo("ok");
    assertThat(row.getInt("prompt_tokens")).isPositive();
    assertThat(row.getJsonNumber("cost").doubleValue()).isPositive();
    assertThat(awaitRequestRow(typedId).getString("origin")).isEqualTo("task");

    HttpResponse<String> page = http.get("/api/v1/requests?task_type=streaming_insights&limit=500", Caller.OPS);
    assertThat(page.body()).doesNotContain("synthetic variant").doesNotContain("Interpret");
    assertNoSecret(page.body());
    HttpResponse<String> csv = http.get("/api/v1/requests?format=csv&key_id=streaming_primary", Caller.OPS);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body()).startsWith("request_id,time,integrator,origin,task_type,key_id,").contains(id);
  }

  private JsonObject awaitRequestRow(String id) throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (true) {
      // rows are written in batches off the request path: poll until this one is there
      JsonObject page = Json.object(http.get("/api/v1/requests?limit=1000", Caller.OPS).body());
      java.util.Optional<JsonObject> row = page.getJsonArray("requests").getValuesAs(JsonObject.class).stream()
          .filter(r -> r.getString("request_id").equals(id)).findFirst();
      if (row.isPresent()) {
        return row.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("request " + id + " not in the request log after 20 s: " + page);
      }
      Thread.sleep(100);
    }
  }

  @Test
  void spendIsRolledUpPerKeyTaskTypeAndIntegratorAndExportsAsCsv() throws Exception {
    HttpResponse<String> served = chat(Caller.INTEGRATOR, "multimodal_fusion", chatBody("Fuse synthetic findings 32."));
    awaitRequestRow(served.headers().firstValue("x-request-id").orElseThrow());

    JsonObject byKey = Json.object(http.get("/api/v1/spend?group_by=key&interval=hour", Caller.OPS).body());
    assertThat(byKey.getString("group_by")).isEqualTo("key");
    assertThat(byKey.getJsonArray("rows").getValuesAs(JsonObject.class))
        .anySatisfy(r -> {
          assertThat(r.getString("group")).isEqualTo("multimodal_primary");
          assertThat(r.getInt("requests")).isPositive();
          assertThat(r.getJsonNumber("cost").doubleValue()).isPositive();
        });
    JsonObject byIntegrator = Json.object(http.get("/api/v1/spend?group_by=integrator", Caller.ADMIN).body());
    assertThat(byIntegrator.getJsonArray("rows").getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("group")).contains("ehr");
    assertThat(byIntegrator.getJsonNumber("total_cost").doubleValue()).isPositive();
    assertThat(http.get("/api/v1/spend?group_by=task_type&format=csv", Caller.OPS).body())
        .startsWith("period_start,group,requests,").contains("multimodal_fusion");

    HttpResponse<String> bad = http.get("/api/v1/spend?group_by=department", Caller.OPS);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("group_by").contains("key, task_type, integrator");
    assertThat(http.get("/api/v1/requests?from=yesterday", Caller.OPS).body()).contains("'from'");
  }

  @Test
  void operatorChangesAndFailedLoginsAreAuditedInAChainThatVerifies() throws Exception {
    http.send("POST", "/api/v1/keys/streaming_primary/deactivate", Caller.ADMIN, null, null, Map.of());
    http.send("POST", "/api/v1/keys/streaming_primary/activate", Caller.ADMIN, null, null, Map.of());
    // a Basic header where no operator is needed is not even looked at: no PBKDF2, no audit entry
    http.get("/health/ready", Caller.basic("probe", "it-health-probe", "not-looked-at"));
    http.get("/api/v1/keys", Caller.WRONG_PASSWORD);

    JsonObject audit = awaitAudit("login.failed");
    List<JsonObject> entries = audit.getJsonArray("entries").getValuesAs(JsonObject.class);
    assertThat(entries).anySatisfy(e -> {
      assertThat(e.getString("action")).isEqualTo("key.deactivated");
      assertThat(e.getString("actor")).isEqualTo(ItServer.ADMIN);
      assertThat(e.getString("target")).isEqualTo("streaming_primary");
    });
    assertThat(entries).anySatisfy(e -> assertThat(e.getString("action")).isEqualTo("config.loaded"));
    assertThat(entries).anySatisfy(e -> {
      assertThat(e.getString("action")).isEqualTo("login.failed");
      assertThat(e.getString("target")).isEqualTo(ItServer.ADMIN);
    });
    assertThat(audit.toString()).doesNotContain("not-the-password").doesNotContain("it-health-probe");
    assertNoSecret(audit.toString());
    JsonObject keyOnly = Json.object(http.get("/api/v1/audit?action=key.&target=streaming_primary", Caller.OPS).body());
    assertThat(keyOnly.getJsonArray("entries").getValuesAs(JsonObject.class))
        .allSatisfy(e -> assertThat(e.getString("action")).startsWith("key."));

    JsonObject verified = Json.object(http.get("/api/v1/audit/verify", Caller.OPS).body());
    assertThat(verified.getBoolean("intact")).as(verified.toString()).isTrue();
    assertThat(verified.getInt("entries")).isGreaterThanOrEqualTo(3);
    assertThat(verified.getString("head_hash")).hasSize(64);
  }

  private JsonObject awaitAudit(String action) throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (true) {
      // events are audited off the request path: poll until the entry is there
      JsonObject audit = Json.object(http.get("/api/v1/audit?limit=1000", Caller.OPS).body());
      if (audit.toString().contains("\"action\":\"" + action + "\"")) {
        return audit;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + action + " entry in the audit trail after 20 s: " + audit);
      }
      Thread.sleep(100);
    }
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

  // ---- Prometheus series, MicroProfile Metrics, Health and OpenAPI ----------------------------

  @Test
  void prometheusSeriesCarryTheApplicationFiguresWithTheirLabelsUnitsAndNoSecret() {
    chat(Caller.INTEGRATOR, "medical_text_analysis", chatBody("Extract findings from synthetic note 12."));
    HttpResponse<String> r = http.get("/prometheus", Caller.OPS, Map.of("Accept", "text/plain"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain").contains("version=0.0.4");
    List<String> lines = r.body().lines().filter(l -> l.startsWith("keytriage_")).toList();
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("keytriage_requests_total{")
        .contains("task_type=\"medical_text_analysis\"").contains("key=\"medical_primary\"").contains("outcome=\"success\"")
        .contains("origin=\"v1\""));
    assertThat(lines).anySatisfy(l -> assertThat(l)
        .startsWith("keytriage_request_duration_seconds_bucket{task_type=\"medical_text_analysis\",le=\"+Inf\"}"));
    assertThat(lines).anySatisfy(l -> assertThat(l)
        .startsWith("keytriage_integrator_requests_total{integrator=\"ehr\",outcome=\"success\"}"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("keytriage_integrator_cost_dollars_total{integrator=\"ehr\"}"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("keytriage_request_log_rows_total{state=\"dropped\"} 0"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("keytriage_request_log_rows_waiting "));
    // seconds, not nanoseconds: a simulated call takes well under a minute
    assertThat(lines).anySatisfy(l -> assertThat(l)
        .startsWith("keytriage_request_duration_seconds_sum{task_type=\"medical_text_analysis\"}")
        .satisfies(sum -> assertThat(Double.parseDouble(sum.substring(sum.lastIndexOf(' ') + 1))).isPositive().isLessThan(60)));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("keytriage_tokens_total{")
        .contains("key=\"medical_primary\"").contains("task_type=\"medical_text_analysis\""));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("keytriage_cost_dollars_total{")
        .contains("key=\"medical_primary\"").contains("task_type=\"medical_text_analysis\""));
    assertThat(lines).anySatisfy(l -> assertThat(l).isEqualTo("keytriage_key_rpm_limit{key=\"medical_primary\"} 600"));
    for (String family : List.of("keytriage_failovers_total", "keytriage_key_penalties_total",
        "keytriage_key_requests_in_window", "keytriage_key_tokens_in_window", "keytriage_key_tpm_limit",
        "keytriage_key_active", "keytriage_key_usable", "keytriage_key_cooling_down",
        "keytriage_key_cooldown_remaining_seconds", "keytriage_key_quarantined", "keytriage_key_circuit_state",
        "keytriage_key_budget_utilisation_ratio")) {
      assertThat(lines).as(family).anySatisfy(l -> assertThat(l).startsWith(family + "{"));
      assertThat(r.body()).as(family).contains("# HELP " + family + " ", "# TYPE " + family + " ");
    }
    assertThat(r.body()).contains("# TYPE keytriage_request_duration_seconds histogram\n");
    assertNoSecret(r.body());
    assertThat(r.body()).doesNotContain("synthetic note");

    // operators only, like the ops API; the server's own /metrics carries no keytriage_ series any more
    HttpResponse<String> anonymous = http.get("/prometheus", Caller.ANONYMOUS);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
    assertThat(http.get("/prometheus", Caller.INTEGRATOR).statusCode()).isEqualTo(401);
    HttpResponse<String> server = http.get("/metrics", Caller.ANONYMOUS, Map.of("Accept", "text/plain"));
    assertThat(server.statusCode()).isEqualTo(200);
    assertThat(server.body().lines()).noneMatch(l -> l.startsWith("keytriage_"));
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
        "/api/v1/tasks/{taskType}:", "/api/v1/batches:", "/api/v1/batches/{id}:",
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

  // ---- the typed task API -------------------------------------------------------------------

  private HttpResponse<String> task(Caller caller, String taskType, String input) {
    return http.postJson("/api/v1/tasks/" + taskType, caller, input, Map.of());
  }

  /** A 200 typed answer: structured, served by {@code keyId} (the id, no secret), with tokens and a cost. */
  private static JsonObject expectTypedOutcome(HttpResponse<String> r, String taskType, String keyId) {
    assertThat(r.statusCode()).as(taskType + " -> " + r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonObject o = Json.object(r.body());
    assertThat(o.keySet()).containsExactly("task_type", "result", "structured", "key_id", "tokens", "cost", "attempts",
        "latency_ms");
    assertThat(o.getString("task_type")).isEqualTo(taskType);
    assertThat(o.getBoolean("structured")).as(taskType).isTrue();
    assertThat(o.getString("key_id")).isEqualTo(keyId);
    assertThat(o.getJsonObject("tokens").getInt("total")).isPositive()
        .isEqualTo(o.getJsonObject("tokens").getInt("prompt") + o.getJsonObject("tokens").getInt("completion"));
    assertThat(o.getJsonNumber("cost").doubleValue()).isPositive();
    assertThat(o.getInt("attempts")).isGreaterThanOrEqualTo(1);
    assertThat(o.getJsonNumber("latency_ms").longValue()).isGreaterThanOrEqualTo(0);
    assertNoSecret(r.body());
    return o;
  }

  @Test
  void everyTaskTypeAnswersItsTypedResultThroughTheTypedApi() {
    // genomics_analysis (a one-request-a-minute key) is covered in noKeyLeftIs503WithRetryAfter
    JsonObject text = expectTypedOutcome(task(Caller.INTEGRATOR, "medical_text_analysis", TypedInputs.MEDICAL_TEXT),
        "medical_text_analysis", "medical_primary");
    assertThat(text.getJsonObject("result").getJsonArray("symptoms")).isNotEmpty();
    assertThat(text.getJsonObject("result").getString("summary")).isNotBlank();

    JsonObject report = expectTypedOutcome(task(Caller.INTEGRATOR, "diagnostic_report_generation",
        TypedInputs.DIAGNOSTIC_REPORT), "diagnostic_report_generation", "medical_primary");
    assertThat(report.getJsonObject("result").keySet()).contains("summary", "findings", "impression", "recommendations");
    assertThat(report.getJsonObject("result").getString("impression")).isNotBlank();

    JsonObject insight = expectTypedOutcome(task(Caller.INTEGRATOR, "streaming_insights", TypedInputs.STREAMING),
        "streaming_insights", "streaming_primary");
    assertThat(insight.getJsonObject("result").getString("insight")).isNotBlank();

    JsonObject summary = expectTypedOutcome(task(Caller.INTEGRATOR, "batch_processing", TypedInputs.batchItem(1)),
        "batch_processing", "batch_primary");
    assertThat(summary.getJsonObject("result").getString("summary")).isNotBlank();

    JsonObject fused = expectTypedOutcome(task(Caller.INTEGRATOR, "multimodal_fusion", TypedInputs.MULTIMODAL),
        "multimodal_fusion", "multimodal_primary");
    assertThat(fused.getJsonObject("result").getString("assessment")).isNotBlank();
    assertThat(fused.getJsonObject("result").getJsonObject("modality_findings").keySet()).contains("imaging", "wearable");

    // counted like a /v1 call: no /v1 call in these tests uses multimodal_fusion
    List<String> metrics = http.get("/prometheus", Caller.OPS, Map.of("Accept", "text/plain")).body().lines()
        .filter(l -> l.startsWith("keytriage_requests_total{")).toList();
    assertThat(metrics).anySatisfy(l -> assertThat(l).contains("task_type=\"multimodal_fusion\"")
        .contains("key=\"multimodal_primary\"").contains("outcome=\"success\"").contains("origin=\"task\""));
  }

  @Test
  void typedInputErrorsAre400WithFieldErrorsThatNeverEchoValues() {
    HttpResponse<String> missing = task(Caller.INTEGRATOR, "medical_text_analysis", "{\"context\": \"triage\"}");
    SoftAssertions soft = new SoftAssertions();
    expectProblem(soft, missing, 400, "invalid-task-input");
    soft.assertAll();
    JsonArray errors = Json.object(missing.body()).getJsonArray("errors");
    assertThat(errors.getValuesAs(JsonObject.class)).extracting(e -> e.getString("field")).contains("text");
    errors.getValuesAs(JsonObject.class).forEach(e -> assertThat(e.getString("message")).isNotBlank());

    String secret = "ZZ-synthetic-secret-genotype";
    HttpResponse<String> bad = task(Caller.INTEGRATOR, "genomics_analysis",
        "{\"variants\": [{\"gene\": \"APOE\", \"rsid\": \"rs429358\", \"genotype\": \"" + secret + "\"}]}");
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertThat(Json.object(bad.body()).getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field")).contains("variants[0].genotype");
    assertThat(bad.body()).doesNotContain(secret);

    soft = new SoftAssertions();
    expectProblem(soft, task(Caller.INTEGRATOR, "no_such_task", "{}"), 404, "unknown-task-type");
    expectProblem(soft, task(Caller.INTEGRATOR, "medical_text_analysis", "{\"text\": "), 400, "invalid-json");
    expectProblem(soft, task(Caller.WRONG_SCOPE_INTEGRATOR, "medical_text_analysis", TypedInputs.MEDICAL_TEXT), 403,
        "task-type-not-allowed");
    expectProblem(soft, task(Caller.WRONG_SCOPE_INTEGRATOR, "no_such_task", "{}"), 403, "task-type-not-allowed");
    expectProblem(soft, task(Caller.ANONYMOUS, "medical_text_analysis", TypedInputs.MEDICAL_TEXT), 401,
        "missing-integrator-token");
    soft.assertAll();
    assertThat(task(Caller.WRONG_SCOPE_INTEGRATOR, "batch_processing", TypedInputs.batchItem(2)).statusCode()).isEqualTo(200);
  }

  @Test
  void aStreamingTypedCallRelaysTheTextThenTheTypedResult() {
    var request = http.request("/api/v1/tasks/streaming_insights", Caller.INTEGRATOR, Map.of("Accept", "text/event-stream"))
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TypedInputs.STREAMING)).build();
    HttpResponse<Stream<String>> r = http.send(request, HttpResponse.BodyHandlers.ofLines());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    List<String> lines;
    try (Stream<String> body = r.body()) {
      lines = body.filter(l -> !l.isEmpty()).toList();
    }
    List<String> deltas = lines.stream().filter(l -> l.startsWith("data: {\"delta\"")).toList();
    assertThat(deltas).hasSizeGreaterThan(2);
    String text = deltas.stream().map(l -> Json.object(l.substring(6)).getString("delta")).collect(Collectors.joining());
    assertThat(text).isNotBlank();
    int resultAt = lines.indexOf("event: result");
    assertThat(resultAt).as(String.join("\n", lines)).isPositive();
    JsonObject result = Json.object(lines.get(resultAt + 1).substring(6));
    assertThat(result.getString("task_type")).isEqualTo("streaming_insights");
    assertThat(result.getString("key_id")).isEqualTo("streaming_primary");
    assertThat(result.getBoolean("structured")).isTrue();
    assertThat(result.getJsonObject("result").getString("insight")).isNotBlank();
    assertThat(result.getJsonNumber("cost").doubleValue()).isPositive();
    assertThat(lines.get(lines.size() - 1)).isEqualTo("data: [DONE]");
  }

  // ---- batches ------------------------------------------------------------------------------

  private HttpResponse<String> submitBatch(Caller caller, String body) {
    return http.postJson("/api/v1/batches", caller, body, Map.of());
  }

  private JsonObject awaitBatchEnd(String id, List<JsonObject> seen) throws InterruptedException {
    long deadline = System.nanoTime() + 90_000_000_000L;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = http.get("/api/v1/batches/" + id, Caller.INTEGRATOR);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonObject b = Json.object(r.body());
      seen.add(b);
      if (!b.isNull("finished_at")) {
        return b;
      }
      Thread.sleep(50); // polling progress
    }
    throw new AssertionError("batch " + id + " did not finish; last seen " + seen.get(seen.size() - 1));
  }

  @Test
  void aBatchOf200RunsInTheBackgroundWithProgressAndItsCostIsTheSumOfItsItems() throws Exception {
    HttpResponse<String> created = submitBatch(Caller.INTEGRATOR, TypedInputs.batch(200));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    JsonObject summary = Json.object(created.body());
    String id = summary.getString("batch_id");
    assertThat(summary.getString("status")).isEqualTo("running");
    assertThat(summary.getInt("total")).isEqualTo(200);
    assertThat(created.headers().firstValue("Location").orElse("")).endsWith("/api/v1/batches/" + id);

    List<JsonObject> seen = new ArrayList<>();
    JsonObject done = awaitBatchEnd(id, seen);

    assertThat(seen.get(0).getInt("completed") + seen.get(0).getInt("failed")).as("progress was seen before the end")
        .isLessThan(200);
    for (int i = 1; i < seen.size(); i++) {
      assertThat(seen.get(i).getInt("completed")).isGreaterThanOrEqualTo(seen.get(i - 1).getInt("completed"));
    }
    assertThat(done.getString("status")).isEqualTo("completed");
    assertThat(done.getString("task_type")).isEqualTo("batch_processing");
    assertThat(done.getInt("completed")).as(done.toString()).isEqualTo(200);
    assertThat(done.getInt("failed")).isZero();
    assertThat(done.getInt("pending")).isZero();
    JsonArray items = done.getJsonArray("items");
    assertThat(items).hasSize(200);
    double sum = 0;
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      assertThat(item.getInt("index")).isEqualTo(i);
      assertThat(item.getString("key_id")).isEqualTo("batch_primary");
      assertThat(item.getJsonNumber("cost").doubleValue()).isPositive();
      assertThat(item.getJsonObject("result").getString("summary")).isNotBlank();
      sum += item.getJsonNumber("cost").doubleValue();
    }
    assertThat(done.getJsonNumber("cost_so_far").doubleValue()).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9));
    assertNoSecret(done.toString());

    // only its integrator, or an admin, may see it
    assertThat(http.get("/api/v1/batches/" + id, Caller.ADMIN).statusCode()).isEqualTo(200);
    SoftAssertions soft = new SoftAssertions();
    expectProblem(soft, http.get("/api/v1/batches/" + id, Caller.WRONG_SCOPE_INTEGRATOR), 403, "batch-not-yours");
    expectProblem(soft, http.get("/api/v1/batches/" + id, Caller.OPS), 403, "batch-not-yours");
    expectProblem(soft, http.send("DELETE", "/api/v1/batches/" + id, Caller.WRONG_SCOPE_INTEGRATOR, null, null, Map.of()),
        403, "batch-not-yours");
    expectProblem(soft, http.get("/api/v1/batches/" + id, Caller.ANONYMOUS), 401, "authentication-required");
    expectProblem(soft, http.get("/api/v1/batches/b-no-such-batch", Caller.INTEGRATOR), 404, "unknown-batch");
    soft.assertAll();
  }

  @Test
  void aCancelledBatchSendsNoItemThatHadNotStarted() throws Exception {
    HttpResponse<String> created = submitBatch(Caller.WRONG_SCOPE_INTEGRATOR, TypedInputs.batch(150));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    String id = Json.object(created.body()).getString("batch_id");

    HttpResponse<String> cancelled = http.send("DELETE", "/api/v1/batches/" + id, Caller.WRONG_SCOPE_INTEGRATOR, null, null, Map.of());
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    assertThat(Json.object(cancelled.body()).getString("status")).isEqualTo("cancelled");

    long deadline = System.nanoTime() + 30_000_000_000L;
    JsonObject b;
    do {
      Thread.sleep(50); // until the items in flight have ended
      b = Json.object(http.get("/api/v1/batches/" + id, Caller.ADMIN).body());
    } while (b.isNull("finished_at") && System.nanoTime() < deadline);
    assertThat(b.getString("status")).isEqualTo("cancelled");
    assertThat(b.getInt("skipped")).as(b.toString()).isPositive();
    assertThat(b.getInt("completed") + b.getInt("failed") + b.getInt("skipped")).isEqualTo(150);
    Thread.sleep(300);
    JsonObject later = Json.object(http.get("/api/v1/batches/" + id, Caller.ADMIN).body());
    assertThat(later.getInt("completed")).isEqualTo(b.getInt("completed"));
  }

  @Test
  void badBatchesAreRefusedWholeBeforeAnythingIsSent() {
    String oneBad = "{\"task_type\": \"batch_processing\", \"items\": [" + TypedInputs.batchItem(1)
        + ", {\"instruction\": \"summarise\"}]}";
    HttpResponse<String> r = submitBatch(Caller.INTEGRATOR, oneBad);
    SoftAssertions soft = new SoftAssertions();
    expectProblem(soft, r, 400, "invalid-task-input");
    soft.assertAll();
    assertThat(Json.object(r.body()).getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field")).containsExactly("items[1].text");

    soft = new SoftAssertions();
    expectProblem(soft, submitBatch(Caller.INTEGRATOR, TypedInputs.batch(ItServer.MAX_BATCH_ITEMS + 1)), 400,
        "invalid-task-input");
    expectProblem(soft, submitBatch(Caller.INTEGRATOR, "{\"items\": []}"), 400, "invalid-task-input");
    expectProblem(soft, submitBatch(Caller.INTEGRATOR, "{\"task_type\": \"no_such_task\", \"items\": [{}]}"), 400,
        "unknown-task-type");
    expectProblem(soft, submitBatch(Caller.WRONG_SCOPE_INTEGRATOR,
        "{\"task_type\": \"medical_text_analysis\", \"items\": [" + TypedInputs.MEDICAL_TEXT + "]}"), 403,
        "task-type-not-allowed");
    expectProblem(soft, submitBatch(Caller.ADMIN, TypedInputs.batch(1)), 401, "missing-integrator-token");
    soft.assertAll();
  }

  private static void assertNoSecret(String text) {
    for (String secret : ItServer.SECRETS) {
      assertThat(text).doesNotContain(secret);
    }
  }
}
