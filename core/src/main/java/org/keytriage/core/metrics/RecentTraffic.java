package org.keytriage.core.metrics;

import java.time.Clock;
import java.util.Arrays;
import org.keytriage.core.events.GatewayEvent;
import org.keytriage.core.events.GatewayEventListener;
import org.keytriage.core.events.RequestFailed;
import org.keytriage.core.events.RequestServed;

/**
 * The last minute of this node's traffic, for a live dashboard: requests and successes per second
 * and latency percentiles. Requests are counted in one bucket per second over the last {@value
 * #WINDOW_SECONDS} seconds; latencies are the last {@value #LATENCY_SAMPLES} requests' (enough for
 * a stable p95 at any rate a node sees, and a fixed cost per request). Thread-safe; one short
 * lock per request.
 */
public final class RecentTraffic implements GatewayEventListener {
  public static final int WINDOW_SECONDS = 60;
  public static final int LATENCY_SAMPLES = 2048;

  private final Clock clock;
  private final long[] secondOf = new long[WINDOW_SECONDS];
  private final long[] requests = new long[WINDOW_SECONDS];
  private final long[] successes = new long[WINDOW_SECONDS];
  private final long[] latencyNanos = new long[LATENCY_SAMPLES];
  private final long[] latencyAtSecond = new long[LATENCY_SAMPLES];
  private int nextSample;
  private int samples;

  public RecentTraffic(Clock clock) {
    this.clock = clock;
    Arrays.fill(secondOf, -1);
  }

  /** What the figures say over the last {@code seconds} (1 to {@value #WINDOW_SECONDS}). */
  public record Summary(double requestsPerSecond, double successRate, long requests, double p50Millis, double p95Millis) {}

  @Override
  public void on(GatewayEvent event) {
    if (event instanceof RequestServed s) {
      record(true, s.durationNanos());
    } else if (event instanceof RequestFailed f) {
      record(false, f.durationNanos());
    }
  }

  synchronized void record(boolean success, long nanos) {
    long second = clock.millis() / 1000;
    int slot = (int) Math.floorMod(second, (long) WINDOW_SECONDS);
    if (secondOf[slot] != second) {
      secondOf[slot] = second;
      requests[slot] = 0;
      successes[slot] = 0;
    }
    requests[slot]++;
    if (success) {
      successes[slot]++;
    }
    latencyNanos[nextSample] = nanos;
    latencyAtSecond[nextSample] = second;
    nextSample = (nextSample + 1) % LATENCY_SAMPLES;
    samples = Math.min(samples + 1, LATENCY_SAMPLES);
  }

  /**
   * The last {@code seconds} whole seconds before the current one (the current second is still
   * filling); the success rate is 100 when there was no request, as the engine's reports have it.
   */
  public synchronized Summary last(int seconds) {
    if (seconds < 1 || seconds > WINDOW_SECONDS - 1) {
      throw new IllegalArgumentException("seconds must be 1 to " + (WINDOW_SECONDS - 1) + ", was " + seconds);
    }
    long now = clock.millis() / 1000;
    long total = 0;
    long ok = 0;
    for (int i = 0; i < WINDOW_SECONDS; i++) {
      long age = now - secondOf[i];
      if (age >= 1 && age <= seconds) {
        total += requests[i];
        ok += successes[i];
      }
    }
    long[] recent = new long[samples];
    int n = 0;
    for (int i = 0; i < samples; i++) {
      long age = now - latencyAtSecond[i];
      if (age >= 0 && age <= seconds) {
        recent[n++] = latencyNanos[i];
      }
    }
    Arrays.sort(recent, 0, n);
    return new Summary((double) total / seconds, total == 0 ? 100.0 : 100.0 * ok / total, total,
        percentileMillis(recent, n, 0.50), percentileMillis(recent, n, 0.95));
  }

  /** The nearest-rank percentile of the first {@code n} sorted values; 0 when there are none. */
  private static double percentileMillis(long[] sorted, int n, double p) {
    if (n == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p * n) - 1;
    return sorted[Math.max(0, Math.min(n - 1, rank))] / 1_000_000.0;
  }
}
