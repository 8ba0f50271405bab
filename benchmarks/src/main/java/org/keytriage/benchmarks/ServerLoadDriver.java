package org.keytriage.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Closed-loop HTTP load against a running server (KeyTriage on Payara Micro, or the simulator
 * itself as the no-gateway baseline), for {@code benchmarks/server-load.sh}.
 *
 * <p>Each scenario runs a fixed number of virtual users; each user owns one {@link HttpClient}, so
 * one keep-alive connection, and sends its next request as soon as the previous answer is read.
 * The run of a scenario is a short ramp (connections opened, the driver's own code compiled), then
 * the measured window: only requests that complete inside it count, and the servers' CPU time is
 * read from {@code /proc/<pid>/stat} exactly at the window's edges, so the CPU per request is that
 * of the same requests the latencies describe.
 *
 * <pre>
 * java -cp keytriage-benchmarks.jar org.keytriage.benchmarks.ServerLoadDriver
 *     --target after --base http://127.0.0.1:8080 --pid payara=1234 --pid simulator=1200
 *     --clk-tck 100 --warmup 20 --ramp 2 --duration 30 --out results.jsonl
 *     --scenario chat:1 --scenario chat:50 --scenario stream:50 --scenario refusal:50 --scenario health:50
 * </pre>
 *
 * {@code --base} and {@code --pid} may be given several times: virtual user i calls the i mod n-th
 * base (the nodes of a cluster, as a round-robin balancer would spread connections), and the CPU of
 * every named process is read. The bearer token is read from the environment ({@code SERVER_LOAD_TOKEN}), so it never appears
 * in a process listing; {@code --direct} sends the simulator's own key instead of a gateway token
 * and no task-type header. Each scenario appends one JSON object (one line) to {@code --out}.
 */
public final class ServerLoadDriver {
  private static final String MODEL = "meta/llama-3.1-8b-instruct";
  static final String CHAT_BODY = "{\"model\":\"" + MODEL + "\",\"max_tokens\":32,"
      + "\"messages\":[{\"role\":\"user\",\"content\":\"benchmark prompt\"}]}";
  static final String STREAM_BODY = "{\"model\":\"" + MODEL + "\",\"max_tokens\":32,\"stream\":true,"
      + "\"messages\":[{\"role\":\"user\",\"content\":\"benchmark prompt\"}]}";

  /** One client per virtual user, so one keep-alive connection each. */
  private static final List<HttpClient> CLIENTS = new ArrayList<>();

  private ServerLoadDriver() {}

  /**
   * What one scenario sends and what counts as a correct answer. IDLE sends nothing: it measures
   * the CPU the server burns on its own (timers, monitoring, GC), the floor under every figure.
   */
  enum Kind {
    CHAT, STREAM, REFUSAL, HEALTH, IDLE;

    static Kind of(String name) {
      return valueOf(name.toUpperCase(Locale.ROOT));
    }

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  record Scenario(Kind kind, int users) {
    static Scenario parse(String spec) {
      String[] parts = spec.split(":", 2);
      Kind kind = Kind.of(parts[0]);
      if (kind == Kind.IDLE) {
        return new Scenario(kind, 0);
      }
      int users = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
      if (users < 1 || users > 500) {
        throw new IllegalArgumentException("virtual users must be 1..500: " + spec);
      }
      return new Scenario(kind, users);
    }
  }

  record Options(String target, List<URI> bases, boolean direct, Map<String, Long> pids, long clkTck, double warmup,
      double ramp, double duration, Path out, List<Scenario> scenarios, String token) {
    static Options parse(String[] args) {
      String target = null;
      List<URI> bases = new ArrayList<>();
      boolean direct = false;
      Map<String, Long> pids = new LinkedHashMap<>();
      long clkTck = 100;
      double warmup = 0;
      double ramp = 2;
      double duration = 10;
      Path out = null;
      List<Scenario> scenarios = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--direct")) {
          direct = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        String v = args[++i];
        switch (a) {
          case "--target" -> target = v;
          // several: virtual user i calls base i mod n (the nodes of a cluster behind a round-robin balancer)
          case "--base" -> bases.add(URI.create(v.endsWith("/") ? v.substring(0, v.length() - 1) : v));
          case "--pid" -> {
            String[] kv = v.split("=", 2);
            pids.put(kv[0], Long.parseLong(kv[1]));
          }
          case "--clk-tck" -> clkTck = Long.parseLong(v);
          case "--warmup" -> warmup = Double.parseDouble(v);
          case "--ramp" -> ramp = Double.parseDouble(v);
          case "--duration" -> duration = Double.parseDouble(v);
          case "--out" -> out = Path.of(v);
          case "--scenario" -> scenarios.add(Scenario.parse(v));
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
      }
      String token = System.getenv("SERVER_LOAD_TOKEN");
      if (target == null || bases.isEmpty() || out == null || scenarios.isEmpty() || pids.isEmpty()) {
        throw new IllegalArgumentException("--target, --base, --out, --pid and at least one --scenario are required");
      }
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("SERVER_LOAD_TOKEN is not set");
      }
      return new Options(target, List.copyOf(bases), direct, pids, clkTck, warmup, ramp, duration, out, List.copyOf(scenarios), token);
    }
  }

  public static void main(String[] args) throws Exception {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("server-load driver: " + e.getMessage());
      System.exit(2);
      return;
    }
    PrintStream log = System.out;
    if (o.warmup() > 0) {
      // every scenario in turn, so the server has compiled each path before any is measured
      double slice = o.warmup() / Math.max(1, o.scenarios().stream().filter(s -> s.kind() != Kind.IDLE).count());
      log.printf(Locale.ROOT, "  %s: warm-up %.0f s%n", o.target(), o.warmup());
      for (Scenario s : o.scenarios()) {
        if (s.kind() != Kind.IDLE) {
          run(o, s, 0, slice);
        }
      }
    }
    for (Scenario s : o.scenarios()) {
      Result r = run(o, s, o.ramp(), o.duration());
      String json = r.json(o);
      Files.writeString(o.out(), json + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      String owner = cpuOwner(o);
      if (s.kind() == Kind.IDLE) {
        log.printf(Locale.ROOT, "  %s idle: %s busy %.1f %% of one CPU%n", o.target(), owner,
            r.cpuTicks.get(owner) * 100.0 / o.clkTck() / r.seconds);
        continue;
      }
      log.printf(Locale.ROOT, "  %s %-8s x%-3d %7d req %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  %s CPU %.0f µs/req  unexpected %d%n",
          o.target(), s.kind().id(), s.users(), r.completed, r.completed / r.seconds, r.percentileMillis(50),
          r.percentileMillis(99), owner, r.cpuMicrosPerRequest(owner, o.clkTck()), r.unexpected);
    }
  }

  /** The process whose CPU the table is about: the first {@code --pid}. */
  private static String cpuOwner(Options o) {
    return o.pids().keySet().iterator().next();
  }

  /**
   * Virtual user i's client, the same in every scenario: Java 17's HttpClient cannot be closed, so
   * new ones per scenario would leave their selector threads and idle connections behind.
   */
  private static HttpClient client(int user) {
    while (CLIENTS.size() <= user) {
      CLIENTS.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build());
    }
    return CLIENTS.get(user);
  }

  /** One scenario: a ramp (not counted), then a window of {@code seconds} that is. */
  static Result run(Options o, Scenario s, double ramp, double seconds) throws Exception {
    List<HttpRequest> requests = new ArrayList<>();
    for (URI base : o.bases()) {
      requests.add(s.kind() == Kind.IDLE ? null : request(o, base, s.kind()));
    }
    long start = System.nanoTime();
    long windowStart = start + (long) (ramp * 1e9);
    long windowEnd = windowStart + (long) (seconds * 1e9);
    Worker[] workers = new Worker[s.users()];
    CountDownLatch done = new CountDownLatch(workers.length);
    for (int i = 0; i < workers.length; i++) {
      workers[i] = new Worker(s.kind(), requests.get(i % requests.size()), client(i), windowStart, windowEnd, done);
      Thread t = new Thread(workers[i], "vu-" + s.kind().id() + "-" + i);
      t.setDaemon(true);
      t.start();
    }
    sleepUntil(windowStart);
    Map<String, Long> before = cpuTicks(o.pids());
    Map<String, Long> jitBefore = jitTicks(o.pids());
    sleepUntil(windowEnd);
    Map<String, Long> after = cpuTicks(o.pids());
    Map<String, Long> jitAfter = jitTicks(o.pids());
    Map<String, Long> rss = residentKiB(o.pids());
    // a request in flight at the window's end is not counted; wait for the users to notice
    if (!done.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException(s + ": virtual users did not stop within 60 s of the window's end");
    }
    Result r = new Result(s, seconds);
    for (Worker w : workers) {
      r.add(w);
    }
    after.forEach((name, ticks) -> r.cpuTicks.put(name, ticks - before.getOrDefault(name, ticks)));
    jitAfter.forEach((name, ticks) -> r.jitTicks.put(name, ticks - jitBefore.getOrDefault(name, ticks)));
    r.rssKiB.putAll(rss);
    return r;
  }

  private static HttpRequest request(Options o, URI base, Kind kind) {
    URI uri = base.resolve(kind == Kind.HEALTH ? "/health/live" : "/v1/chat/completions");
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (kind == Kind.HEALTH) {
      return b.GET().build();
    }
    b.header("Authorization", "Bearer " + o.token()).header("Content-Type", "application/json");
    if (!o.direct()) {
      // the task types the script's config gives one healthy key each, or (refusal) only an inactive one
      b.header("X-Task-Type", switch (kind) {
        case STREAM -> "streaming_insights";
        case REFUSAL -> "batch_processing";
        default -> "medical_text_analysis";
      });
    }
    return b.POST(HttpRequest.BodyPublishers.ofString(kind == Kind.STREAM ? STREAM_BODY : CHAT_BODY)).build();
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  /** Each process's resident set (VmRSS of /proc/PID/status), in KiB, at the window's end. */
  static Map<String, Long> residentKiB(Map<String, Long> pids) throws IOException {
    Map<String, Long> rss = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : pids.entrySet()) {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(e.getValue()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss.put(e.getKey(), Long.parseLong(line.replaceAll("[^0-9]", "")));
        }
      }
    }
    return rss;
  }

  /** utime + stime of each process, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
  static Map<String, Long> cpuTicks(Map<String, Long> pids) throws IOException {
    Map<String, Long> ticks = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : pids.entrySet()) {
      ticks.put(e.getKey(), statTicks(Path.of("/proc", Long.toString(e.getValue()), "stat")));
    }
    return ticks;
  }

  /**
   * The part of {@link #cpuTicks} spent by the JIT compiler threads. A server still compiling in
   * the measured window charges that to its requests; this says whether the warm-up was long enough.
   */
  static Map<String, Long> jitTicks(Map<String, Long> pids) throws IOException {
    Map<String, Long> ticks = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : pids.entrySet()) {
      long sum = 0;
      try (var tasks = Files.list(Path.of("/proc", Long.toString(e.getValue()), "task"))) {
        for (Path task : tasks.toList()) {
          try {
            String comm = Files.readString(task.resolve("comm"));
            if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
              sum += statTicks(task.resolve("stat"));
            }
          } catch (IOException threadEnded) {
            // a thread that ended between the listing and the read: nothing to add
          }
        }
      }
      ticks.put(e.getKey(), sum);
    }
    return ticks;
  }

  private static long statTicks(Path stat) throws IOException {
    String text = Files.readString(stat);
    // the command name (field 2) may hold spaces and parentheses: count fields after the last ')'
    String[] f = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /** One virtual user: one client, one connection, one request at a time. */
  static final class Worker implements Runnable {
    private final Kind kind;
    private final HttpRequest request;
    private final long windowStart;
    private final long windowEnd;
    private final CountDownLatch done;
    private final HttpClient http;
    long[] latencies = new long[1024];
    int count;
    long unexpected;
    final Map<Integer, Long> statuses = new TreeMap<>();
    String firstProblem;

    Worker(Kind kind, HttpRequest request, HttpClient http, long windowStart, long windowEnd, CountDownLatch done) {
      this.kind = kind;
      this.request = request;
      this.http = http;
      this.windowStart = windowStart;
      this.windowEnd = windowEnd;
      this.done = done;
    }

    @Override
    public void run() {
      try {
        while (System.nanoTime() < windowEnd) {
          long t0 = System.nanoTime();
          int status;
          String problem;
          try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = r.statusCode();
            problem = check(r);
          } catch (IOException e) {
            status = -1;
            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
          }
          long t1 = System.nanoTime();
          if (t1 < windowStart || t1 >= windowEnd) {
            continue;
          }
          if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
          }
          latencies[count++] = t1 - t0;
          statuses.merge(status, 1L, Long::sum);
          if (problem != null) {
            unexpected++;
            if (firstProblem == null) {
              firstProblem = problem;
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        done.countDown();
      }
    }

    /** Null for the answer the scenario expects, else what was wrong with it. */
    private String check(HttpResponse<String> r) {
      String body = r.body();
      boolean ok = switch (kind) {
        case CHAT -> r.statusCode() == 200 && body.contains("chat.completion");
        case STREAM -> r.statusCode() == 200 && body.contains("data: [DONE]");
        case REFUSAL -> r.statusCode() == 503 && body.contains("no_available_key");
        case HEALTH -> r.statusCode() == 200;
        case IDLE -> true;
      };
      if (ok) {
        return null;
      }
      return "HTTP " + r.statusCode() + ": " + body.substring(0, Math.min(200, body.length()));
    }

  }

  /** A scenario's counts in the measured window. */
  static final class Result {
    final Scenario scenario;
    final double seconds;
    long[] latencies = new long[0];
    int completed;
    long unexpected;
    final Map<Integer, Long> statuses = new TreeMap<>();
    final Map<String, Long> cpuTicks = new LinkedHashMap<>();
    final Map<String, Long> jitTicks = new LinkedHashMap<>();
    final Map<String, Long> rssKiB = new LinkedHashMap<>();
    String firstProblem;

    Result(Scenario scenario, double seconds) {
      this.scenario = scenario;
      this.seconds = seconds;
    }

    void add(Worker w) {
      latencies = Arrays.copyOf(latencies, completed + w.count);
      System.arraycopy(w.latencies, 0, latencies, completed, w.count);
      completed += w.count;
      unexpected += w.unexpected;
      w.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
      if (firstProblem == null) {
        firstProblem = w.firstProblem;
      }
    }

    double percentileMillis(double p) {
      if (completed == 0) {
        return Double.NaN;
      }
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    double cpuMicrosPerRequest(String process, long clkTck) {
      return completed == 0 ? Double.NaN : cpuTicks.get(process) * 1e6 / clkTck / completed;
    }

    String json(Options o) {
      StringBuilder b = new StringBuilder("{");
      b.append("\"target\":").append(quote(o.target()));
      b.append(",\"scenario\":").append(quote(scenario.kind().id()));
      b.append(",\"connections\":").append(scenario.users());
      b.append(",\"seconds\":").append(num(seconds));
      b.append(",\"requests\":").append(completed);
      b.append(",\"unexpected\":").append(unexpected);
      b.append(",\"throughput_rps\":").append(num(completed / seconds));
      b.append(",\"p50_ms\":").append(num(percentileMillis(50)));
      b.append(",\"p99_ms\":").append(num(percentileMillis(99)));
      Map<String, String> byStatus = new LinkedHashMap<>();
      statuses.forEach((status, n) -> byStatus.put(status < 0 ? "io_error" : status.toString(), n.toString()));
      Map<String, String> cpuPerRequest = new LinkedHashMap<>();
      Map<String, String> busy = new LinkedHashMap<>();
      cpuTicks.forEach((name, ticks) -> {
        cpuPerRequest.put(name, num(cpuMicrosPerRequest(name, o.clkTck())));
        // share of one CPU: 1.0 means the process was busy the whole window (Payara is pinned to one)
        busy.put(name, num(ticks / (double) o.clkTck() / seconds));
      });
      b.append(",\"statuses\":").append(object(byStatus));
      b.append(",\"cpu_ticks\":").append(object(asText(cpuTicks)));
      b.append(",\"jit_cpu_ticks\":").append(object(asText(jitTicks)));
      b.append(",\"cpu_us_per_request\":").append(object(cpuPerRequest));
      b.append(",\"cpu_cores_busy\":").append(object(busy));
      b.append(",\"rss_kib\":").append(object(asText(rssKiB)));
      if (firstProblem != null) {
        b.append(",\"first_unexpected\":").append(quote(firstProblem));
      }
      return b.append('}').toString();
    }

    private static Map<String, String> asText(Map<String, Long> values) {
      Map<String, String> text = new LinkedHashMap<>();
      values.forEach((k, v) -> text.put(k, v.toString()));
      return text;
    }

    /** A JSON object of names and values that are already JSON (numbers). */
    private static String object(Map<String, String> values) {
      StringBuilder b = new StringBuilder("{");
      values.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(quote(k)).append(':').append(v));
      return b.append('}').toString();
    }

    private static String num(double d) {
      return Double.isFinite(d) ? String.format(Locale.ROOT, "%.3f", d) : "null";
    }

    private static String quote(String s) {
      StringBuilder b = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        if (c == '"' || c == '\\') {
          b.append('\\').append(c);
        } else if (c < 0x20) {
          b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        } else {
          b.append(c);
        }
      }
      return b.append('"').toString();
    }
  }
}
