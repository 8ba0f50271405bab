package org.keytriage.dist.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keytriage.simulator.NvidiaSimulator;
import org.keytriage.simulator.SimulatorConfig;
import org.keytriage.simulator.WitnessEntry;
import org.keytriage.store.SecretCipher;
import org.keytriage.store.StoreSettings;
import org.keytriage.store.TestDatabases;

/**
 * Issue 13 end to end: two Payara Micro nodes in one grid, sharing one PostgreSQL schema (through a
 * relay the test can shut, {@link DatabaseGate}), the simulator as upstream. Run-time changes made on
 * one node serve on the other within a second; a secret rotated under load fails no request and
 * the old secret is not used after it; the database going away fails no request and its rows are
 * written when it is back; a restart of both nodes loses nothing; and a row of the audit table
 * changed behind the servers' back is named by the chain check.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreEndToEndIT {
  private static final String TOKEN = "kt-store-e2e-" + UUID.randomUUID();
  private static final String ADMIN = "admin";
  private static final String PASSWORD = "store-e2e-" + UUID.randomUUID();
  private static final Duration START = Duration.ofSeconds(150);
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private static Path work;
  private static Path bundle;
  private static Path properties;
  private static StoreSettings db;
  private static DatabaseGate gate;
  private static NvidiaSimulator simulator;
  private static final List<Integer> httpPorts = new ArrayList<>();
  private static final List<Integer> gridPorts = new ArrayList<>();
  private static final List<PayaraNode> nodes = new ArrayList<>();

  @BeforeAll
  static void startTwoNodes() throws Exception {
    work = Files.createTempDirectory("keytriage-store-e2e-");
    bundle = Path.of(System.getProperty("keytriage.bundle", "target/bundle")).toAbsolutePath();
    db = TestDatabases.postgres();
    gate = new DatabaseGate(URI.create(db.jdbcUrl().substring("jdbc:".length())).getPort());
    simulator = NvidiaSimulator.start(SimulatorConfig.builder().scenario("classpath:scenarios/demo.json").build());
    Path configDir = Files.createDirectories(work.resolve("config"));
    writeKeys(configDir, simulator.baseUri().toString());
    Path masterKey = work.resolve("master.key");
    Files.writeString(masterKey, SecretCipher.generate() + "\n");
    for (int i = 0; i < 2; i++) {
      httpPorts.add(PayaraNode.freePort());
      gridPorts.add(PayaraNode.freePort());
    }
    String viaGate = db.jdbcUrl().replace(":" + URI.create(db.jdbcUrl().substring(5)).getPort() + "/",
        ":" + gate.port() + "/");
    properties = work.resolve("keytriage.properties");
    Files.writeString(properties, String.join("\n",
        "keytriage.config-dir=" + configDir,
        "keytriage.integrators=ehr:" + PasswordHashes.sha256Hex(TOKEN) + ":*",
        "keytriage.users=" + ADMIN + ":admin:" + PasswordHashes.pbkdf2(PASSWORD.toCharArray(), 1000),
        "keytriage.default-task-type=medical_text_analysis",
        "keytriage.request-deadline-seconds=20",
        "keytriage.attempt-timeout-seconds=10",
        "keytriage.cluster.mode=jndi",
        "keytriage.cluster.operation-timeout=5s",
        "keytriage.db.url=" + viaGate,
        "keytriage.db.user=" + db.user(),
        "keytriage.db.schema=" + db.schema(),
        "keytriage.master-key-file=" + masterKey,
        ""));
    startNodes();
  }

  private static void startNodes() throws Exception {
    String members = gridPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    for (int i = 0; i < 2; i++) {
      nodes.add(PayaraNode.start("kt-store-" + i, bundle, Files.createDirectories(work.resolve("node" + i)),
          httpPorts.get(i), properties, List.of("--clustermode", "tcpip:" + members, "--clustername",
              "kt-store-e2e-" + work.getFileName(), "--startport", Integer.toString(gridPorts.get(i)))));
    }
    for (PayaraNode n : nodes) {
      n.awaitReady(START);
    }
  }

  private static void stopNodes() {
    List<Thread> stopping = new ArrayList<>();
    for (PayaraNode n : nodes) {
      Thread t = new Thread(n::close, "stop-" + n.name());
      t.start();
      stopping.add(t);
    }
    for (Thread t : stopping) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(60));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    nodes.clear();
  }

  @AfterAll
  static void stopEverything() throws Exception {
    stopNodes();
    if (gate != null) {
      gate.close();
    }
    if (db != null) {
      TestDatabases.dropPostgresSchema(db);
    }
    if (simulator != null) {
      simulator.close();
    }
    if (work != null) {
      keepLogs();
      try (Stream<Path> files = Files.walk(work)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void keepLogs() throws IOException {
    Path kept = Files.createDirectories(Path.of("target", "store-e2e"));
    try (Stream<Path> logs = Files.walk(work)) {
      for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("payara-")
          && p.toString().endsWith(".log")).toList()) {
        Files.copy(log, kept.resolve(log.getParent().getFileName() + "-" + log.getFileName()),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static void writeKeys(Path dir, String upstream) throws IOException {
    Files.createDirectories(dir.resolve("config"));
    Files.writeString(dir.resolve("config/api_keys_config.json"), """
        {"api_keys": [
          {"key_id": "text_a", "api_key": "${TEXT_A}", "max_rpm": 600, "max_tpm": 500000, "priority": 3,
           "task_types": ["medical_text_analysis"], "cost_per_token": 0.0001, "base_url": "UPSTREAM"},
          {"key_id": "text_b", "api_key": "${TEXT_B}", "max_rpm": 600, "max_tpm": 500000, "priority": 3,
           "task_types": ["medical_text_analysis"], "cost_per_token": 0.0002, "base_url": "UPSTREAM",
           "daily_budget": 100},
          {"key_id": "genomics_c", "api_key": "${GENOMICS_C}", "max_rpm": 600, "max_tpm": 500000, "priority": 3,
           "task_types": ["genomics_analysis"], "cost_per_token": 0.0001, "base_url": "UPSTREAM"},
          {"key_id": "genomics_d", "api_key": "${GENOMICS_D}", "max_rpm": 600, "max_tpm": 500000, "priority": 1,
           "task_types": ["genomics_analysis"], "cost_per_token": 0.0001, "base_url": "UPSTREAM"}
        ], "default_strategy": "round_robin"}
        """.replace("UPSTREAM", upstream));
    Files.writeString(dir.resolve(".env.api_keys"), """
        TEXT_A=sim-medical-text-key-01
        TEXT_B=sim-diagnostic-report-key-01
        GENOMICS_C=sim-genomics-key-01
        GENOMICS_D=sim-batch-key-01
        """);
  }

  // ---- HTTP ----------------------------------------------------------------------------------

  private static HttpResponse<String> call(PayaraNode node, String method, String path, String auth, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.base() + path)).timeout(Duration.ofSeconds(30));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return send(b.build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String admin() {
    return "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> operator(PayaraNode node, String method, String path, String body) {
    return call(node, method, path, admin(), body);
  }

  private static HttpResponse<String> chat(PayaraNode node, String token, String taskType, String text) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.base() + "/v1/chat/completions"))
        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").header("X-Task-Type", taskType)
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"meta/llama-3.1-8b-instruct\",\"max_tokens\":32,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}"));
    return send(b.build());
  }

  private static JsonValue json(String text) {
    return Json.createReader(new StringReader(text)).readValue();
  }

  private static JsonObject object(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    return json(r.body()).asJsonObject();
  }

  private static void awaitTrue(String what, Duration within, java.util.function.BooleanSupplier check)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!check.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " did not happen within " + within.toMillis() + " ms");
      }
      Thread.sleep(50); // polling what another node or the writer thread does
    }
  }

  private static long requestLogTotal(PayaraNode node) {
    return object(operator(node, "GET", "/api/v1/requests?limit=1", null)).getJsonNumber("total").longValue();
  }

  // ---- the tests -----------------------------------------------------------------------------

  private static String integratorToken;

  @Test
  @Order(1)
  void changesMadeOnOneNodeServeOnTheOtherWithinASecond() throws Exception {
    PayaraNode one = nodes.get(0);
    PayaraNode two = nodes.get(1);
    assertThat(chat(two, TOKEN, "multimodal_fusion", "Fuse synthetic findings 1.").statusCode())
        .as("no key for the task type yet").isEqualTo(503);

    HttpResponse<String> added = operator(one, "POST", "/api/v1/keys", "{\"key_id\":\"added_multi\","
        + "\"api_key\":\"sim-multimodal-key-01\",\"max_rpm\":600,\"max_tpm\":500000,\"priority\":3,"
        + "\"task_types\":[\"multimodal_fusion\"],\"cost_per_token\":0.0001,\"base_url\":\"" + simulator.baseUri() + "\"}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    long addedAt = System.nanoTime();
    awaitTrue("the added key serving on the other node", Duration.ofSeconds(1),
        () -> chat(two, TOKEN, "multimodal_fusion", "Fuse synthetic findings 2.").statusCode() == 200);
    System.out.printf("[store-e2e] key added on node 0 served on node 1 after %d ms%n",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - addedAt));

    JsonObject created = object(operator(one, "POST", "/api/v1/integrators",
        "{\"name\":\"radiology\",\"task_types\":[\"*\"]}"));
    integratorToken = created.getString("token");
    JsonObject doomed = object(operator(two, "POST", "/api/v1/integrators",
        "{\"name\":\"temp-dept\",\"task_types\":[\"medical_text_analysis\"]}"));
    String doomedToken = doomed.getString("token");
    awaitTrue("a token created on node 1 working on node 0", Duration.ofSeconds(1),
        () -> chat(one, doomedToken, "medical_text_analysis", "Summarise synthetic note 3.").statusCode() == 200);
    object(operator(one, "DELETE", "/api/v1/integrators/" + doomed.getString("id"), null));
    awaitTrue("the revoked token refused on both nodes", Duration.ofSeconds(1),
        () -> chat(one, doomedToken, "medical_text_analysis", "x").statusCode() == 401
            && chat(two, doomedToken, "medical_text_analysis", "x").statusCode() == 401);

    object(operator(two, "POST", "/api/v1/keys/genomics_c/deactivate?reason=contract%20ended", null));
    object(operator(one, "PUT", "/api/v1/task-types/genomics_analysis/strategy", "{\"strategy\":\"priority\"}"));
    for (int i = 0; i < 6; i++) {
      assertThat(chat(nodes.get(i % 2), TOKEN, "genomics_analysis", "Interpret synthetic variant " + i + ".")
          .statusCode()).isEqualTo(200);
    }
  }

  @Test
  @Order(2)
  void aSecretRotatedUnderLoadFailsNoRequestAndTheOldOneIsNotUsedAfterIt() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService load = Executors.newFixedThreadPool(4);
    List<Future<List<Integer>>> workers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int worker = w;
      workers.add(load.submit(() -> {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; running.get(); i++) {
          statuses.add(chat(nodes.get((worker + i) % 2), integratorToken, "medical_text_analysis",
              "Summarise synthetic note " + worker + "-" + i + ".").statusCode());
        }
        return statuses;
      }));
    }
    Thread.sleep(1500); // traffic before the rotation
    HttpResponse<String> rotated = operator(nodes.get(0), "POST", "/api/v1/keys/text_b/rotate?reason=e2e",
        "{\"api_key\":\"sim-shared-backup-key-01\"}");
    Instant rotatedAt = Instant.now();
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
    Thread.sleep(3000); // traffic after it
    running.set(false);
    List<Integer> statuses = new ArrayList<>();
    for (Future<List<Integer>> f : workers) {
      statuses.addAll(f.get(60, TimeUnit.SECONDS));
    }
    load.shutdown();

    assertThat(statuses).as("every request under the rotation").isNotEmpty().allMatch(s -> s == 200);
    // a call routed before the rotation may still be answered just after it; none starts with the old secret
    Instant drained = rotatedAt.plusSeconds(2);
    List<WitnessEntry> oldAfter = simulator.witness().entries("diagnostic_report_primary").stream()
        .filter(e -> e.time().isAfter(drained)).toList();
    assertThat(oldAfter).as("the old secret after the rotation").isEmpty();
    assertThat(simulator.witness().entries("shared_backup")).as("the new secret in use").isNotEmpty();
    System.out.printf("[store-e2e] %d requests under the rotation, all 200%n", statuses.size());
  }

  @Test
  @Order(3)
  void theDatabaseGoingAwayFailsNoRequestAndItsRowsAreWrittenWhenItReturns() throws Exception {
    long before = settledTotal(nodes.get(0));
    gate.shut();
    int sent = 0;
    try {
      for (int i = 0; i < 40; i++) {
        HttpResponse<String> r = chat(nodes.get(i % 2), TOKEN, "medical_text_analysis", "Summarise synthetic note d" + i);
        assertThat(r.statusCode()).as("request %d with the database away: %s", i, r.body()).isEqualTo(200);
        sent++;
      }
    } finally {
      gate.open();
    }
    int whileAway = sent;
    awaitTrue("the rows of the outage written", Duration.ofSeconds(30),
        () -> requestLogTotal(nodes.get(0)) == before + whileAway);
    System.out.printf("[store-e2e] %d requests with the database away, all 200, all logged after it returned%n", sent);
  }

  /** The request log's row count once the writers have caught up (it stops growing). */
  private static long settledTotal(PayaraNode node) throws InterruptedException {
    long last = -1;
    for (int i = 0; i < 100; i++) {
      long now = requestLogTotal(node);
      if (now == last) {
        return now;
      }
      last = now;
      Thread.sleep(500); // the writers flush every 200 ms
    }
    throw new AssertionError("the request log kept growing without traffic");
  }

  @Test
  @Order(4)
  void aRestartOfBothNodesLosesNothing() throws Exception {
    PayaraNode one = nodes.get(0);
    long rows = settledTotal(one);
    JsonArray keysBefore = json(operator(one, "GET", "/api/v1/keys", null).body()).asJsonArray();
    String spendBefore = operator(one, "GET", "/api/v1/spend?group_by=key&interval=day", null).body();
    String strategyBefore = operator(one, "GET", "/api/v1/task-types", null).body();
    JsonObject auditBefore = object(operator(one, "GET", "/api/v1/audit/verify", null));
    assertThat(auditBefore.getBoolean("intact")).as(auditBefore.toString()).isTrue();

    stopNodes();
    startNodes();
    PayaraNode again = nodes.get(1);

    JsonArray keysAfter = json(operator(again, "GET", "/api/v1/keys", null).body()).asJsonArray();
    assertThat(summary(keysAfter)).isEqualTo(summary(keysBefore));
    assertThat(operator(again, "GET", "/api/v1/spend?group_by=key&interval=day", null).body()).isEqualTo(spendBefore);
    String strategyAfter = operator(again, "GET", "/api/v1/task-types", null).body();
    assertThat(strategyAfter).contains("\"strategy\":\"priority\"");
    assertThat(json(strategyAfter)).isEqualTo(json(strategyBefore));
    assertThat(requestLogTotal(again)).isEqualTo(rows);
    assertThat(chat(again, TOKEN, "multimodal_fusion", "Fuse synthetic findings 9.").statusCode()).isEqualTo(200);
    assertThat(chat(again, integratorToken, "genomics_analysis", "Interpret synthetic variant 9.").statusCode())
        .isEqualTo(200);
    JsonObject auditAfter = object(operator(again, "GET", "/api/v1/audit/verify", null));
    assertThat(auditAfter.getBoolean("intact")).as(auditAfter.toString()).isTrue();
    assertThat(auditAfter.getInt("entries")).isGreaterThan(auditBefore.getInt("entries"));
  }

  /** Per key: id, masked secret, limits, rotation, active switch and spend today and this month. */
  private static List<String> summary(JsonArray keys) {
    List<String> out = new ArrayList<>();
    for (JsonObject k : keys.getValuesAs(JsonObject.class)) {
      JsonObject usage = k.getJsonObject("usage");
      out.add(k.getString("key_id") + " " + k.getString("api_key") + " " + k.getJsonObject("limits") + " "
          + k.get("rotated_at") + " active=" + k.getJsonObject("state").getBoolean("is_active")
          + String.format(" spend=%.6f/%.6f", usage.getJsonNumber("daily_spend").doubleValue(),
              usage.getJsonNumber("monthly_spend").doubleValue()));
    }
    out.sort(String::compareTo);
    return out;
  }

  @Test
  @Order(5)
  void aTamperedAuditRowIsNamedByTheChainCheck() throws Exception {
    try (Connection c = TestDatabases.connect(db); Statement s = c.createStatement()) {
      assertThat(s.executeUpdate("UPDATE kt_audit SET actor = 'nobody' WHERE seq = 2")).isEqualTo(1);
    }
    JsonObject verified = object(operator(nodes.get(0), "GET", "/api/v1/audit/verify", null));
    assertThat(verified.getBoolean("intact")).isFalse();
    assertThat(verified.getInt("first_bad_seq")).isEqualTo(2);
    assertThat(verified.getString("problem")).contains("entry 2 was changed");
    for (PayaraNode n : nodes) {
      String log = Files.readString(n.log());
      assertThat(log).as(n.name()).doesNotContain(TOKEN).doesNotContain(PASSWORD)
          .doesNotContain("sim-shared-backup-key-01").doesNotContain("sim-multimodal-key-01");
    }
  }
}
