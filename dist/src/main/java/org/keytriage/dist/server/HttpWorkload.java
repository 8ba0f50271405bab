package org.keytriage.dist.server;

import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.keytriage.dist.DemoRequests;
import org.keytriage.spi.UpstreamRequest;

/**
 * The demo's mixed workload over HTTP: the library demo's requests (the same task mix and
 * synthetic texts) sent to {@code /v1/chat/completions} with {@code X-Task-Type} from a few
 * threads, streaming_insights as streams, with a progress line.
 */
final class HttpWorkload {
  private final ServerClient client;
  private final int requests;
  private final int threads;
  private final PrintStream out;
  private final AtomicInteger done = new AtomicInteger();
  private final LongAdder failed = new LongAdder();
  private final LongAdder streamedChunks = new LongAdder();
  private final LongAdder upstreamCalls = new LongAdder();
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

  HttpWorkload(ServerClient client, int requests, int threads, PrintStream out) {
    this.client = client;
    this.requests = requests;
    this.threads = threads;
    this.out = out;
  }

  void run() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int i = 0; i < requests; i++) {
        int n = i;
        pool.execute(() -> one(n));
      }
      while (done.get() < requests) {
        progress();
        Thread.sleep(200); // a display refresh
      }
      progress();
      out.println();
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private void one(int i) {
    String task = DemoRequests.taskFor(i);
    UpstreamRequest request = DemoRequests.requestFor(task, i);
    java.util.Map<String, Object> body = new java.util.LinkedHashMap<>(request.body());
    if (request.streaming()) {
      body.put("stream", true);
    }
    String json = JsonBodies.write(body);
    try {
      if (request.streaming()) {
        HttpResponse<Stream<String>> r = client.chatStream(task, json);
        try (Stream<String> lines = r.body()) {
          if (r.statusCode() != 200) {
            fail(task, "HTTP " + r.statusCode() + " " + String.join(" ", lines.toList()));
            return;
          }
          lines.filter(l -> l.startsWith("data: ") && !l.equals("data: [DONE]")).forEach(l -> streamedChunks.increment());
        }
        count(r);
      } else {
        HttpResponse<String> r = client.chat(task, json);
        if (r.statusCode() != 200) {
          fail(task, "HTTP " + r.statusCode() + " " + r.body());
          return;
        }
        count(r);
      }
    } catch (Exception e) {
      fail(task, e.toString());
    } finally {
      done.incrementAndGet();
    }
  }

  private void count(HttpResponse<?> r) {
    upstreamCalls.add(r.headers().firstValue("X-KeyTriage-Attempts").map(Long::parseLong).orElse(1L));
  }

  private void fail(String task, String why) {
    failed.increment();
    failures.add(task + ": " + why);
  }

  private void progress() {
    int d = done.get();
    int width = 30;
    int filled = requests == 0 ? width : d * width / requests;
    out.printf("\r  [%s%s] %d/%d requests, %d failed, %d streamed chunks",
        "#".repeat(filled), ".".repeat(width - filled), d, requests, failed.sum(), streamedChunks.sum());
    out.flush();
  }

  int requests() {
    return requests;
  }

  long failedCount() {
    return failed.sum();
  }

  long upstreamCalls() {
    return upstreamCalls.sum();
  }

  List<String> failures() {
    return List.copyOf(failures);
  }
}
