package org.keytriage.core.accounting;

import java.io.Serializable;

/**
 * One key's or task type's outcome counters at one moment, as values: what a node publishes for
 * the cluster-wide metrics, and what the metrics read.
 *
 * @param successes calls that succeeded
 * @param failures calls that failed
 * @param tokens tokens consumed
 * @param cost cost booked
 * @param latencyMillisSum sum of all calls' response times, for the mean
 * @param latencyEwmaMillis smoothed recent response time, -1 before the first call
 */
public record CounterSnapshot(
    long successes, long failures, long tokens, double cost, long latencyMillisSum, double latencyEwmaMillis)
    implements Serializable {

  /** No calls. */
  public static final CounterSnapshot EMPTY = new CounterSnapshot(0, 0, 0, 0, 0, -1);

  public long requests() {
    return successes + failures;
  }

  /** Share of successful calls 0..1; 1 when there were none (nothing has failed). */
  public double successRatio() {
    long n = requests();
    return n == 0 ? 1.0 : (double) successes / n;
  }

  /** Mean response time in ms over all calls, 0 before the first. */
  public double averageLatencyMillis() {
    long n = requests();
    return n == 0 ? 0 : (double) latencyMillisSum / n;
  }

  /**
   * Both together. The smoothed latency of the sum is the mean of both sides' smoothed latencies
   * weighted by their calls: each node's average follows its own recent calls.
   */
  public CounterSnapshot plus(CounterSnapshot other) {
    double ewma;
    if (latencyEwmaMillis < 0) {
      ewma = other.latencyEwmaMillis;
    } else if (other.latencyEwmaMillis < 0) {
      ewma = latencyEwmaMillis;
    } else {
      long a = Math.max(1, requests());
      long b = Math.max(1, other.requests());
      ewma = (latencyEwmaMillis * a + other.latencyEwmaMillis * b) / (a + b);
    }
    return new CounterSnapshot(
        successes + other.successes,
        failures + other.failures,
        tokens + other.tokens,
        cost + other.cost,
        latencyMillisSum + other.latencyMillisSum,
        ewma);
  }
}
