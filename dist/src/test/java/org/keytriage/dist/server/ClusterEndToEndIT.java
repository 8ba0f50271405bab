package org.keytriage.dist.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keytriage.simulator.KeyBehaviour;
import org.keytriage.simulator.NvidiaSimulator;
import org.keytriage.simulator.Scenario;
import org.keytriage.simulator.SimulatorConfig;
import org.keytriage.store.StoreSettings;
import org.keytriage.store.TestDatabases;

/**
 * Issue 4 end to end: three real Payara Micro processes form one data grid on loopback (TCP-IP
 * join with an explicit member list, {@code --interfaces 127.0.0.1}, HTTP bound to 127.0.0.1),
 * each deploying {@code keytriage.war} with {@code keytriage.cluster.mode=jndi} and the same two
 * small keys. The upstream is an in-process simulator without limits of its own, so its witness log
 * sees exactly what KeyTriage let through. Requests go round-robin over the three nodes from
 * several threads, several times what the keys allow; no key may receive more than its {@code
 * max_rpm} requests or {@code max_tpm} tokens in any rolling 60 s window, and every refused request
 * must be a 503 "No available API key".
 *
 * <p>Everything lives in one temporary folder (Payara's root and unpack folders, logs, the key
 * configuration), removed with the processes in {@link #stopEverything()}, failed test or not.
 */
class ClusterEndToEndIT {
  private static final int NODES = 3;
  private static final String TASK = "medical_text_analysis";
  private static final String TOKEN = "kt-e2e-" + UUID.randomUUID();
  private static final Duration WINDOW = Duration.ofSeconds(60);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  /** key id (= simulator label) → {max_rpm, max_tpm}. key_b's token limit binds before its rpm. */
  private static final Map<String, long[]> LIMITS = new LinkedHashMap<>();

  static {
    LIMITS.put("e2e_key_a", new long[] {30, 100_000});
    LIMITS.put("e2e_key_b", new long[] {30, 1_200});
  }

  private static final Pattern MEMBERS = Pattern.compile("(?:Members \\{size:|DG Size: )(\\d+)");

  private static Path work;
  private static NvidiaSimulator simulator;
  private static final List<ChildProcess> nodes = Collections.synchronizedList(new ArrayList<>());
  private static final List<Integer> httpPorts = new ArrayList<>();
  private static final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private static long startedMillis;
  /** The nodes share one store: a PostgreSQL schema of this run's, dropped at the end. */
  private static StoreSettings store;

  @BeforeAll
  static void startThreeNodes() throws Exception {
    long t0 = System.nanoTime();
    work = Files.createTempDirectory("keytriage-cluster-e2e-");
    store = TestDatabases.postgres();
    Scenario.Builder scenario = Scenario.builder().seed(4);
    LIMITS.keySet().forEach(id -> scenario.key(secret(id), KeyBehaviour.builder().label(id).build())); // no limits
    simulator = NvidiaSimulator.start(SimulatorConfig.builder().scenario(scenario.build()).build());
    Path configDir = writeKeyConfig(simulator.baseUri().toString());

    Path bundle = Path.of(System.getProperty("keytriage.bundle", "target/bundle")).toAbsolutePath();
    // the bundle's WAR, or another one to try (-Dkeytriage.cluster-e2e.war=...)
    Path war = Path.of(System.getProperty("keytriage.cluster-e2e.war", bundle.resolve("keytriage.war").toString()))
        .toAbsolutePath();
    List<Integer> hzPorts = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      httpPorts.add(freePort());
      hzPorts.add(freePort());
    }
    String members = hzPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    String clusterName = "keytriage-e2e-" + UUID.randomUUID().toString().substring(0, 8);
    Path properties = work.resolve("keytriage.properties");
    Files.writeString(properties, String.join("\n",
        "keytriage.config-dir=" + configDir,
        "keytriage.integrators=e2e:" + PasswordHashes.sha256Hex(TOKEN) + ":*",
        "keytriage.default-task-type=" + TASK,
        "keytriage.request-deadline-seconds=20",
        "keytriage.attempt-timeout-seconds=10",
        "keytriage.cluster.mode=jndi",
        // what is under test is the limits the grid keeps, not its latency: three Payara nodes on a
        // loaded 2-core machine can take longer than the production default of 500 ms per grid
        // operation, and fail-closed would then refuse requests with ledger_unavailable
        "keytriage.cluster.operation-timeout=5s",
        // one database for every node, as a cluster must have (the embedded default is one node's)
        "keytriage.db.url=" + store.jdbcUrl(),
        "keytriage.db.user=" + store.user(),
        "keytriage.db.schema=" + store.schema(),
        "") );
    Path preboot = work.resolve("payara-preboot.txt");
    Files.writeString(preboot, "set configs.config.server-config.network-config.network-listeners"
        + ".network-listener.http-listener.address=127.0.0.1\n");
    for (int i = 0; i < NODES; i++) {
      Path node = Files.createDirectories(work.resolve("node" + i));
      Path tmp = Files.createDirectories(node.resolve("tmp"));
      List<String> command = List.of(java(), "-Xmx512m", "-Djava.io.tmpdir=" + tmp,
          "-jar", bundle.resolve("payara-micro.jar").toString(),
          "--deploy", war.toString(), "--contextroot", "/",
          "--name", "kt-node-" + i,
          "--port", Integer.toString(httpPorts.get(i)),
          "--interfaces", "127.0.0.1",
          "--clustermode", "tcpip:" + members,
          "--clustername", clusterName,
          "--startport", Integer.toString(hzPorts.get(i)),
          "--nohostaware",
          "--rootdir", node.resolve("payara").toString(),
          "--systemProperties", properties.toString(),
          "--prebootcommandfile", preboot.toString());
      nodes.add(ChildProcess.start("Payara Micro node " + i, command, Map.of(), node.resolve("payara.log")));
    }
    awaitCluster();
    System.out.printf("[cluster-e2e] 3 nodes ready with 3 members in %d s%n",
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0));
  }

  /** Each node: /health/ready answers 200 and its log shows a 3-member grid; bounded. */
  private static void awaitCluster() throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    boolean[] ready = new boolean[NODES];
    while (true) {
      boolean all = true;
      for (int i = 0; i < NODES; i++) {
        ChildProcess node = nodes.get(i);
        if (!node.isAlive()) {
          throw new AssertionError(node.name() + " exited:\n" + node.tail(40));
        }
        ready[i] = ready[i] || ready(httpPorts.get(i));
        all &= ready[i] && memberCount(node) == NODES;
      }
      if (all) {
        return;
      }
      if (System.nanoTime() > deadline) {
        StringBuilder why = new StringBuilder("the cluster did not come up within " + START_TIMEOUT.toSeconds() + " s:");
        for (int i = 0; i < NODES; i++) {
          why.append("\n--- ").append(nodes.get(i).name()).append(": ready=").append(ready[i])
              .append(", members=").append(memberCount(nodes.get(i))).append('\n').append(nodes.get(i).tail(25));
        }
        throw new AssertionError(why);
      }
      Thread.sleep(500); // polling health and logs
    }
  }

  /** The size in the last Hazelcast membership line of the node's log, 0 before the first. */
  private static int memberCount(ChildProcess node) {
    try {
      int last = 0;
      for (String line : Files.readAllLines(node.log())) {
        Matcher m = MEMBERS.matcher(line);
        if (m.find()) {
          last = Integer.parseInt(m.group(1));
        }
      }
      return last;
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  private static boolean ready(int port) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
          .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @AfterAll
  static void stopEverything() throws Exception {
    List<Thread> stopping = new ArrayList<>();
    synchronized (nodes) {
      for (ChildProcess node : nodes) {
        Thread t = new Thread(node::close, "stop-" + node.name());
        t.start();
        stopping.add(t);
      }
    }
    for (Thread t : stopping) {
      t.join(TimeUnit.SECONDS.toMillis(45));
    }
    if (store != null) {
      TestDatabases.dropPostgresSchema(store);
    }
    if (simulator != null) {
      simulator.close();
    }
    keepLogs();
    for (int port : httpPorts) {
      assertThat(portOpen(port)).as("HTTP port %s closed", port).isFalse();
    }
    if (work != null && Files.exists(work)) {
      try (Stream<Path> files = Files.walk(work)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** The nodes' logs outlive the temporary folder, for whoever reads a failure: target/cluster-e2e/<run>/. */
  private static void keepLogs() {
    Path kept = Path.of("target", "cluster-e2e", work.getFileName().toString());
    synchronized (nodes) {
      for (int i = 0; i < nodes.size(); i++) {
        try {
          Files.createDirectories(kept);
          Files.copy(nodes.get(i).log(), kept.resolve("node" + i + ".log"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
          System.err.println("could not keep " + nodes.get(i).log() + ": " + e);
        }
      }
    }
  }

  @Test
  void threeNodesTogetherKeepEveryKeyWithinItsLimits() throws Exception {
    long totalRpm = LIMITS.values().stream().mapToLong(l -> l[0]).sum();
    int perWave = (int) (totalRpm * 3 + 20); // well over 3x what both keys allow in one window
    // one wave of 10 s; with -Dkeytriage.cluster-e2e.boundary=true (profile cluster-e2e) a second
    // one 55 s after the first, so many rolling 60 s windows hold the first wave's tail and the
    // second's head (see docs/cluster.md: this currently shows a lag between reservation and arrival)
    long start = System.currentTimeMillis();
    List<Wave> waves = new ArrayList<>();
    waves.add(drive(perWave, start, Duration.ofSeconds(10), 0));
    if (Boolean.getBoolean("keytriage.cluster-e2e.boundary")) {
      waves.add(drive(perWave, start + 55_000, Duration.ofSeconds(10), perWave));
    }
    Wave first = waves.get(0);
    StringBuilder report = new StringBuilder();
    for (int i = 0; i < waves.size(); i++) {
      report.append(waves.get(i).describe(i == 0 ? "wave 1" : "wave 2 (+55 s)"));
    }
    long witnessed = 0;
    for (Map.Entry<String, long[]> key : LIMITS.entrySet()) {
      String id = key.getKey();
      witnessed += simulator.witness().requestCount(id);
      report.append(String.format("[cluster-e2e]   %s: %d requests in all, at most %d (max_rpm %d) and %d tokens"
              + " (max_tpm %d) in any rolling 60 s window%n", id, simulator.witness().requestCount(id),
          simulator.witness().maxRequestsInAnyWindow(id, WINDOW, false), key.getValue()[0],
          simulator.witness().maxTokensInAnyWindow(id, WINDOW, false), key.getValue()[1]));
    }
    System.out.print(report);

    List<String> unexpected = new ArrayList<>();
    waves.forEach(w -> unexpected.addAll(w.unexpected));
    assertThat(unexpected).as("every refusal is a 503 No available API key").isEmpty();
    assertThat(witnessed).as("the upstream saw exactly the admitted requests").isEqualTo(waves.stream().mapToLong(Wave::ok).sum());
    for (Map.Entry<String, long[]> key : LIMITS.entrySet()) {
      String id = key.getKey();
      assertThat(simulator.witness().entries(id)).as(id).allMatch(e -> e.status() == 200);
      assertThat(simulator.witness().maxRequestsInAnyWindow(id, WINDOW, false)).as(report.toString())
          .isLessThanOrEqualTo(key.getValue()[0]);
      assertThat(simulator.witness().maxTokensInAnyWindow(id, WINDOW, false)).as(report.toString())
          .isLessThanOrEqualTo(key.getValue()[1]);
    }
    // the limits were reached, not merely refused by a broken grid; every node admitted some
    for (Wave w : waves) {
      assertThat(w.ok()).as(report.toString()).isGreaterThanOrEqualTo((int) LIMITS.get("e2e_key_a")[0] / 2);
      assertThat(w.refused()).as(report.toString()).isGreaterThanOrEqualTo(perWave - (int) totalRpm);
    }
    assertThat(first.admittedByNode).as(report.toString()).hasSize(NODES);
    // the grid ran with the fallback merge policy, and no node failed to configure its maps
    for (ChildProcess node : nodes) {
      String log = Files.readString(node.log());
      assertThat(log).as(node.name()).contains("cluster mode JNDI", "cannot load org.keytriage.core.cluster.MaxUsageMergePolicy")
          .doesNotContain("InvalidConfigurationException").doesNotContain(TOKEN).doesNotContain(secret("e2e_key_a"));
    }
  }

  /** One wave's answers. */
  private record Wave(int requests, long millis, Map<Integer, AtomicInteger> statuses,
      Map<Integer, AtomicInteger> admittedByNode, List<String> unexpected) {
    int ok() {
      return statuses.getOrDefault(200, new AtomicInteger()).get();
    }

    int refused() {
      return statuses.getOrDefault(503, new AtomicInteger()).get();
    }

    String describe(String name) {
      return String.format("[cluster-e2e] %s: %d requests in %d ms round-robin over %d nodes: %d x 200 (by node %s),"
          + " %d x 503%n", name, requests, millis, NODES, ok(), admittedByNode, refused());
    }
  }

  /**
   * Sends {@code requests} chat completions spread evenly over {@code duration} from {@code at}
   * (epoch ms), round-robin over the nodes, from 12 threads; returns when all are answered.
   */
  private static Wave drive(int requests, long at, Duration duration, int firstNumber) throws Exception {
    Thread.sleep(Math.max(0, at - System.currentTimeMillis()));
    int threads = 12;
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    Map<Integer, AtomicInteger> admittedByNode = new ConcurrentHashMap<>();
    List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    long start = System.currentTimeMillis();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          for (int n; (n = next.getAndIncrement()) < requests; ) {
            Thread.sleep(Math.max(0, start + n * duration.toMillis() / requests - System.currentTimeMillis()));
            int node = n % NODES;
            HttpResponse<String> r = chat(httpPorts.get(node), firstNumber + n);
            statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            if (r.statusCode() == 200) {
              admittedByNode.computeIfAbsent(node, x -> new AtomicInteger()).incrementAndGet();
            } else if (r.statusCode() != 503 || !r.body().contains("No available API key for task")) {
              unexpected.add("node " + node + ": HTTP " + r.statusCode() + " " + r.body());
            }
          }
          return null;
        }));
      }
      for (Future<?> w : workers) {
        w.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    return new Wave(requests, System.currentTimeMillis() - start, statuses, admittedByNode, unexpected);
  }

  private static HttpResponse<String> chat(int port, int n) throws IOException, InterruptedException {
    String body = "{\"model\":\"meta/llama-3.1-8b-instruct\",\"max_tokens\":40,\"messages\":[{\"role\":\"user\","
        + "\"content\":\"Extract the symptoms of note " + n + ": cough, fever 38.5 C, mild dyspnoea.\"}]}";
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + TOKEN).header("X-Task-Type", TASK)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String secret(String keyId) {
    return "sim-" + keyId.replace('_', '-') + "-secret";
  }

  private static Path writeKeyConfig(String upstream) throws IOException {
    Path dir = work.resolve("keytriage");
    StringBuilder keys = new StringBuilder();
    StringBuilder env = new StringBuilder();
    for (Map.Entry<String, long[]> key : LIMITS.entrySet()) {
      String var = "NVIDIA_API_KEY_" + key.getKey().toUpperCase();
      keys.append(keys.length() == 0 ? "" : ",\n").append(String.format(
          "{\"key_id\":\"%s\",\"api_key\":\"${%s}\",\"max_rpm\":%d,\"max_tpm\":%d,\"priority\":3,"
              + "\"task_types\":[\"%s\"],\"cost_per_token\":0.0001,\"base_url\":\"%s\"}",
          key.getKey(), var, key.getValue()[0], key.getValue()[1], TASK, upstream));
      env.append(var).append('=').append(secret(key.getKey())).append('\n');
    }
    Files.createDirectories(dir.resolve("config"));
    Files.writeString(dir.resolve("config/api_keys_config.json"),
        "{\"api_keys\":[\n" + keys + "\n],\"default_strategy\":\"round_robin\"}\n");
    Files.writeString(dir.resolve(".env.api_keys"), env.toString());
    return dir;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static boolean portOpen(int port) {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
