package org.keytriage.benchmarks;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.gateway.Call;
import org.keytriage.core.gateway.Gateway;
import org.keytriage.core.upstream.GatewayResponse;
import org.keytriage.simulator.KeyBehaviour;
import org.keytriage.simulator.NvidiaSimulator;
import org.keytriage.simulator.Scenario;
import org.keytriage.simulator.SimulatorConfig;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskTypes;
import org.keytriage.spi.UpstreamRequest;

/**
 * The library path under a fixed request rate against the simulator (issue 3's load benchmark).
 * In one run it measures three phases on the same machine and simulator:
 *
 * <ol>
 *   <li><b>direct</b>: the JDK HttpClient calls the simulator itself: the baseline;
 *   <li><b>gateway</b>: the same requests through the {@link Gateway} with two healthy keys;
 *   <li><b>gateway, one key dead</b>: one of the two keys always answers 429.
 * </ol>
 *
 * For each it reports p50/p99 latency, process CPU µs per request, and (gateway phases) upstream
 * calls per client request. Added latency = gateway percentile − direct percentile.
 *
 * <p>Usage: {@code java -cp keytriage-benchmarks.jar org.keytriage.benchmarks.GatewayLoadHarness
 * [ratePerSecond=200] [seconds=10]}. Requests are issued open-loop from a scheduler, so a slow
 * phase cannot slow the arrival rate down.
 */
public final class GatewayLoadHarness {
  private static final String HEALTHY_A = "bench-healthy-key-a";
  private static final String HEALTHY_B = "bench-healthy-key-b";
  private static final String DEAD = "bench-dead-key-429";

  /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
  private static final Logger QUIET = Logger.getLogger("org.keytriage");

  private GatewayLoadHarness() {}

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    QUIET.setLevel(Level.SEVERE);
    Scenario scenario =
        Scenario.builder()
            .seed(7)
            .key(HEALTHY_A, KeyBehaviour.builder().label("healthy_a").build())
            .key(HEALTHY_B, KeyBehaviour.builder().label("healthy_b").build())
            .key(DEAD, KeyBehaviour.builder().label("dead").always429(true).build())
            .build();
    try (NvidiaSimulator sim = NvidiaSimulator.start(SimulatorConfig.of(scenario))) {
      String base = sim.baseUri().toString();
      HttpClient direct = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String body = "{\"model\":\"meta/llama-3.1-8b-instruct\",\"max_tokens\":32,"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"benchmark prompt\"}]}";
      HttpRequest directRequest =
          HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
              .header("Authorization", "Bearer " + HEALTHY_A)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      // warm both paths up before measuring
      Phase.run("warm-up", rate, 2, () -> {
        direct.send(directRequest, HttpResponse.BodyHandlers.ofString());
        return 1;
      });
      Phase directPhase = Phase.run("direct", rate, seconds, () -> {
        HttpResponse<String> r = direct.send(directRequest, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          throw new IllegalStateException("simulator answered " + r.statusCode());
        }
        return 1;
      });
      Phase healthy = gatewayPhase("gateway", base, HEALTHY_B, rate, seconds);
      Phase oneDead = gatewayPhase("gateway, one key dead", base, DEAD, rate, seconds);
      System.out.println();
      System.out.printf("%-24s %8s %8s %8s %12s %14s %8s%n",
          "phase", "p50 ms", "p99 ms", "CPU µs", "calls/req", "added p50/p99", "errors");
      for (Phase p : List.of(directPhase, healthy, oneDead)) {
        System.out.printf(Locale.ROOT, "%-24s %8.2f %8.2f %8.0f %12.3f %6.2f/%-7.2f %8d%n",
            p.name, p.percentile(50), p.percentile(99), p.cpuMicrosPerRequest(), p.callsPerRequest(),
            p.percentile(50) - directPhase.percentile(50), p.percentile(99) - directPhase.percentile(99),
            p.errors.get());
      }
      System.out.printf(Locale.ROOT, "%nrate %d req/s for %d s per phase; CPU ratio gateway/direct: %.2f%n",
          rate, seconds, healthy.cpuMicrosPerRequest() / directPhase.cpuMicrosPerRequest());
    }
  }

  private static Phase gatewayPhase(String name, String base, String secondKey, int rate, int seconds)
      throws InterruptedException {
    KeyTriageConfig config =
        KeyTriageConfig.builder()
            .addKey(key("primary", HEALTHY_A, base))
            .addKey(key("secondary", secondKey, base))
            .build();
    try (KeyTriage kt = KeyTriage.builder(config).build()) {
      Gateway gateway = kt.gateway();
      UpstreamRequest request =
          new UpstreamRequest("/v1/chat/completions", "meta/llama-3.1-8b-instruct",
              Map.of("model", "meta/llama-3.1-8b-instruct", "max_tokens", 32,
                  "messages", List.of(Map.of("role", "user", "content", "benchmark prompt"))),
              false);
      return Phase.run(name, rate, seconds, () -> {
        GatewayResponse r = gateway.complete(Call.of(TaskTypes.MEDICAL_TEXT_ANALYSIS, request, RoutingHints.DEFAULT));
        return r.attempts();
      });
    }
  }

  private static ApiKeyConfig key(String id, String secret, String base) {
    return ApiKeyConfig.builder(id).apiKey(secret).baseUrl(base)
        .maxRpm(1_000_000).maxTpm(1_000_000_000L)
        .taskTypes(TaskTypes.MEDICAL_TEXT_ANALYSIS).costPerToken(0.0001).build();
  }

  /** One measured phase: open-loop arrivals at a fixed rate, latencies, CPU, upstream calls. */
  private static final class Phase {
    interface Call {
      /** Makes one request; returns the upstream calls it took. */
      int call() throws Exception;
    }

    final String name;
    final long[] latenciesNanos;
    final AtomicLong calls = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    long cpuNanos;
    int count;

    private Phase(String name, int total) {
      this.name = name;
      this.latenciesNanos = new long[total];
    }

    static Phase run(String name, int rate, int seconds, Call call) throws InterruptedException {
      int total = rate * seconds;
      Phase phase = new Phase(name, total);
      ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
      ExecutorService workers = Executors.newFixedThreadPool(32);
      CountDownLatch done = new CountDownLatch(total);
      long cpuBefore = processCpuNanos();
      AtomicLong issued = new AtomicLong();
      long periodNanos = 1_000_000_000L / rate;
      ticker.scheduleAtFixedRate(() -> {
        int i = (int) issued.getAndIncrement();
        if (i >= total) {
          return;
        }
        workers.execute(() -> {
          long start = System.nanoTime();
          try {
            phase.calls.addAndGet(call.call());
          } catch (Exception e) {
            phase.errors.incrementAndGet();
          } finally {
            phase.latenciesNanos[i] = System.nanoTime() - start;
            done.countDown();
          }
        });
      }, 0, periodNanos, TimeUnit.NANOSECONDS);
      done.await(seconds * 10L + 30, TimeUnit.SECONDS);
      phase.cpuNanos = processCpuNanos() - cpuBefore;
      phase.count = total;
      ticker.shutdownNow();
      workers.shutdownNow();
      workers.awaitTermination(10, TimeUnit.SECONDS);
      System.out.printf("  %s: %d requests done%n", name, total - done.getCount());
      return phase;
    }

    double percentile(int p) {
      long[] sorted = latenciesNanos.clone();
      Arrays.sort(sorted);
      int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
      return sorted[Math.max(0, index)] / 1e6;
    }

    /** Whole-process CPU (simulator included, as in every phase) per request. */
    double cpuMicrosPerRequest() {
      return cpuNanos / 1000.0 / count;
    }

    double callsPerRequest() {
      return (double) calls.get() / count;
    }

    private static long processCpuNanos() {
      var os = ManagementFactory.getOperatingSystemMXBean();
      if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
        return sun.getProcessCpuTime();
      }
      return 0;
    }
  }
}
