package org.keytriage.dist;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.keytriage.core.upstream.GatewayResponse;
import org.keytriage.core.upstream.NvidiaGateway;
import org.keytriage.core.upstream.StreamListener;
import org.keytriage.spi.UpstreamRequest;

/** Drives the mixed workload through the gateway from a few threads, with a progress line. */
final class DemoWorkload {
  private final NvidiaGateway gateway;
  private final int requests;
  private final int threads;
  private final PrintStream out;
  private final AtomicInteger done = new AtomicInteger();
  private final LongAdder failed = new LongAdder();
  private final LongAdder upstreamCalls = new LongAdder();
  private final LongAdder streamedChunks = new LongAdder();
  private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

  DemoWorkload(NvidiaGateway gateway, int requests, int threads, PrintStream out) {
    this.gateway = gateway;
    this.requests = requests;
    this.threads = threads;
    this.out = out;
  }

  /** Runs every request; returns when all are answered. */
  void run() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        int n = i;
        futures.add(pool.submit(() -> one(n)));
      }
      while (done.get() < requests) {
        progress();
        Thread.sleep(200); // a display refresh, not a wait for a rate window
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(String.valueOf(e.getCause()));
        }
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
    try {
      GatewayResponse r =
          request.streaming()
              ? gateway.stream(task, request, DemoRequests.hintsFor(task), chunk -> streamedChunks.increment())
              : gateway.complete(task, request, DemoRequests.hintsFor(task));
      upstreamCalls.add(r.attempts());
    } catch (RuntimeException e) {
      failed.increment();
      failures.add(task + ": " + e.getMessage());
    } finally {
      done.incrementAndGet();
    }
  }

  private void progress() {
    int d = done.get();
    int width = 30;
    int filled = requests == 0 ? width : d * width / requests;
    out.printf(
        "\r  [%s%s] %d/%d requests, %d failed, %d streamed chunks",
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
