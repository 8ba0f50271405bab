package org.keytriage.benchmarks;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console's cost, measured on a running KeyTriage: fills it up to {@code --keys} keys (added
 * through {@code POST /api/v1/keys}) and {@code --rows} request-log rows (requests through {@code
 * /v1}, served or refused: each is a row), signs in through the login form, then times each page
 * (the wall time of a GET on loopback, the server's time to render it) and the dashboard's poll
 * (the Ajax request the page sends every 2 s), with the server's CPU time per poll read from
 * {@code /proc/<pid>/stat}. Prints a Markdown table.
 *
 * <pre>
 * java -cp keytriage-benchmarks.jar org.keytriage.benchmarks.ConsolePageTimes --base http://127.0.0.1:8080
 *     --pid PAYARA_PID --keys 100 --rows 100000 [--samples 50]
 * </pre>
 * The operator's password and the integrator token come from the environment ({@code
 * CONSOLE_ADMIN}, {@code CONSOLE_PASSWORD}, {@code CONSOLE_TOKEN}), never the command line.
 */
public final class ConsolePageTimes {
  private static final List<String> PAGES = List.of("dashboard", "keys", "task-types", "spend", "requests", "audit",
      "alerts", "advice", "batches", "integrators", "plugins");
  private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\" id=\"[^\"]*\" value=\"([^\"]*)\"");

  private final String base;
  private final HttpClient http;

  private ConsolePageTimes(String base) {
    this.base = base;
    // HTTP/1.1, as a browser speaks to a plain-HTTP server: the JDK's default (HTTP/2 over cleartext)
    // makes Payara keep every stream of a connection until it closes (see docs/benchmarks.md)
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String base = a.getOrDefault("base", "http://127.0.0.1:8080");
    long pid = Long.parseLong(a.get("pid"));
    int keys = Integer.parseInt(a.getOrDefault("keys", "100"));
    int rows = Integer.parseInt(a.getOrDefault("rows", "100000"));
    int samples = Integer.parseInt(a.getOrDefault("samples", "50"));
    String admin = System.getenv().getOrDefault("CONSOLE_ADMIN", "admin");
    String password = require("CONSOLE_PASSWORD");
    String token = require("CONSOLE_TOKEN");
    ConsolePageTimes bench = new ConsolePageTimes(base);
    String basic = "Basic " + Base64.getEncoder().encodeToString((admin + ":" + password).getBytes(StandardCharsets.UTF_8));
    int added = bench.fillKeys(basic, keys);
    int sent = bench.fillRows(token, rows);
    System.out.printf(Locale.ROOT, "filled: %d keys added (now %d), %d requests sent%n", added, bench.keyCount(basic), sent);
    bench.signIn(admin, password);
    List<String[]> table = new ArrayList<>();
    for (String page : PAGES) {
      double[] t = bench.timePage(page, samples);
      table.add(new String[] {page, fmt(t[0]), fmt(t[1]), String.format(Locale.ROOT, "%.0f", t[2])});
    }
    double[] poll = bench.timeDashboardPoll(pid, samples * 4);
    System.out.println();
    System.out.println("| page | p50 ms | p95 ms | KiB |");
    System.out.println("| --- | ---: | ---: | ---: |");
    for (String[] r : table) {
      System.out.println("| " + String.join(" | ", r) + " |");
    }
    System.out.printf(Locale.ROOT, "| dashboard poll (Ajax) | %s | %s | %.0f |%n", fmt(poll[0]), fmt(poll[1]), poll[2]);
    System.out.printf(Locale.ROOT, "%nserver CPU per dashboard poll: %.0f µs (%d polls)%n", poll[3], samples * 4);
  }

  private static String require(String name) {
    String v = System.getenv(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " is not set: export it before running (never on the command line)");
    }
    return v;
  }

  private static String fmt(double ms) {
    return String.format(Locale.ROOT, "%.1f", ms);
  }

  /** Adds keys until there are {@code target}; each serves medical_text_analysis with tiny limits. */
  private int fillKeys(String basic, int target) throws Exception {
    int have = keyCount(basic);
    int added = 0;
    for (int i = have; i < target; i++) {
      String id = String.format(Locale.ROOT, "bench_page_%03d", i);
      String body = "{\"key_id\":\"" + id + "\",\"api_key\":\"sim-bench-page-" + id + "-" + System.nanoTime()
          + "\",\"max_rpm\":10,\"max_tpm\":10000,\"priority\":5,\"task_types\":[\"multimodal_fusion\"],"
          + "\"cost_per_token\":0.0001,\"is_active\":false}";
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/keys"))
          .header("Authorization", basic).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 201) {
        throw new IllegalStateException("adding key " + id + ": " + r.statusCode() + " " + r.body());
      }
      added++;
    }
    return added;
  }

  private int keyCount(String basic) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/keys"))
        .header("Authorization", basic).GET().build(), HttpResponse.BodyHandlers.ofString());
    return r.body().split("\"key_id\"", -1).length - 1;
  }

  /** Sends {@code count} small completions from 16 connections; served or refused, each is a request-log row. */
  private int fillRows(String token, int count) throws Exception {
    AtomicInteger next = new AtomicInteger();
    String body = "{\"model\":\"meta/llama-3.1-8b-instruct\",\"max_tokens\":8,\"messages\":[{\"role\":\"user\","
        + "\"content\":\"Summarise synthetic note.\"}]}";
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      done.add(pool.submit(() -> {
        while (next.getAndIncrement() < count) {
          http.send(HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
              .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
              .header("X-Task-Type", "medical_text_analysis")
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    return count;
  }

  private void signIn(String name, String password) throws Exception {
    String login = get("/console/login.xhtml").body();
    String form = form(Map.of("login", "login", "login:username", name, "login:password", password,
        "login:signIn", "", "jakarta.faces.ViewState", viewState(login)));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/console/login.xhtml"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 302 || !r.headers().firstValue("Location").orElse("").contains("dashboard")) {
      throw new IllegalStateException("signing in failed: " + r.statusCode());
    }
  }

  /** p50 ms, p95 ms, KiB of the page, after a few warm-up GETs. */
  private double[] timePage(String page, int samples) throws Exception {
    for (int i = 0; i < 5; i++) {
      get("/console/" + page + ".xhtml");
    }
    List<Double> ms = new ArrayList<>();
    int bytes = 0;
    for (int i = 0; i < samples; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = get("/console/" + page + ".xhtml");
      ms.add((System.nanoTime() - t0) / 1e6);
      if (r.statusCode() != 200) {
        throw new IllegalStateException(page + ": " + r.statusCode());
      }
      bytes = r.body().length();
    }
    return new double[] {percentile(ms, 0.50), percentile(ms, 0.95), bytes / 1024.0};
  }

  /** p50 ms, p95 ms, KiB of the answer, and server CPU µs per poll. */
  private double[] timeDashboardPoll(long pid, int polls) throws Exception {
    String page = get("/console/dashboard.xhtml").body();
    String form = form(Map.of("jakarta.faces.partial.ajax", "true", "jakarta.faces.source", "live:poll",
        "jakarta.faces.partial.execute", "live:poll", "jakarta.faces.partial.render", "live:figures", "live:poll",
        "live:poll", "live", "live", "jakarta.faces.ViewState", viewState(page)));
    HttpRequest poll = HttpRequest.newBuilder(URI.create(base + "/console/dashboard.xhtml"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Faces-Request", "partial/ajax")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    for (int i = 0; i < 20; i++) {
      http.send(poll, HttpResponse.BodyHandlers.ofString());
    }
    List<Double> ms = new ArrayList<>();
    int bytes = 0;
    long cpu0 = cpuTicks(pid);
    for (int i = 0; i < polls; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = http.send(poll, HttpResponse.BodyHandlers.ofString());
      ms.add((System.nanoTime() - t0) / 1e6);
      if (r.statusCode() != 200 || !r.body().contains("live:figures")) {
        throw new IllegalStateException("poll: " + r.statusCode() + " " + r.body());
      }
      bytes = r.body().length();
    }
    long cpu1 = cpuTicks(pid);
    double microsPerPoll = (cpu1 - cpu0) * (1_000_000.0 / 100) / polls; // CLK_TCK is 100 on Linux
    return new double[] {percentile(ms, 0.50), percentile(ms, 0.95), bytes / 1024.0, microsPerPoll};
  }

  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String viewState(String html) {
    Matcher m = VIEW_STATE.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("no view state in the page: not signed in?");
    }
    return m.group(1);
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static double percentile(List<Double> values, double p) {
    List<Double> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
  }
}
