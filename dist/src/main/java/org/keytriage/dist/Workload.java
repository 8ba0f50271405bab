package org.keytriage.dist;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The demo's mixed workload: {@link #requests()} requests over the six task types from a few
 * threads, with a progress line and the counts the report prints. Subclasses say how one request
 * is made (through the library, or over HTTP).
 */
public abstract class Workload {
  private final int requests;
  private final int threads;
  private final PrintStream out;
  private final AtomicInteger done = new AtomicInteger();
  private final LongAdder failed = new LongAdder();
  private final LongAdder upstreamCalls = new LongAdder();
  private final LongAdder streamedChunks = new LongAdder();
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

  protected Workload(int requests, int threads, PrintStream out) {
    this.requests = requests;
    this.threads = Math.max(1, threads);
    this.out = out;
  }

  /**
   * Makes request number {@code i} of task type {@code task}.
   *
   * @return the upstream calls it took
   * @throws Exception when the client saw a failure; its message is reported
   */
  protected abstract long call(int i, String task) throws Exception;

  /** Counts one relayed stream chunk, for the progress line. */
  protected final void chunkRelayed() {
    streamedChunks.increment();
  }

  /** Runs every request; returns when all are answered. */
  public final void run() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int i = 0; i < requests; i++) {
        int n = i;
        pool.execute(() -> one(n));
      }
      while (done.get() < requests) {
        progress();
        Thread.sleep(200); // a display refresh, not a wait for a rate window
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
    try {
      upstreamCalls.add(call(i, task));
    } catch (Exception e) {
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

  public final int requests() {
    return requests;
  }

  public final long failedCount() {
    return failed.sum();
  }

  public final long upstreamCalls() {
    return upstreamCalls.sum();
  }

  /** Client requests, client-visible failures and upstream calls per request, on one line. */
  public final String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "Client requests: %d, failed for the client: %d, upstream calls: %d (%.3f per request)",
        requests, failedCount(), upstreamCalls(),
        requests == 0 ? 0.0 : (double) upstreamCalls() / requests);
  }

  public final List<String> failures() {
    return List.copyOf(failures);
  }
}
