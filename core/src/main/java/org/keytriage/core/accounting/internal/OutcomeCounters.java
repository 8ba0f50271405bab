package org.keytriage.core.accounting.internal;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.keytriage.core.accounting.CounterSnapshot;

/** Outcome counters of one key or one task type; adders, so hot paths never contend. */
public final class OutcomeCounters {
  private final LongAdder successes = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder tokens = new LongAdder();
  private final DoubleAdder cost = new DoubleAdder();
  private final LongAdder latencyMillisSum = new LongAdder();
  private final LatencyEwma latency = new LatencyEwma();

  public void record(boolean success, long tokenCount, double costAmount, long latencyMillis) {
    (success ? successes : failures).increment();
    tokens.add(tokenCount);
    cost.add(costAmount);
    latencyMillisSum.add(latencyMillis);
    latency.record(latencyMillis);
  }

  public long successes() {
    return successes.sum();
  }

  public long failures() {
    return failures.sum();
  }

  public long requests() {
    return successes.sum() + failures.sum();
  }

  public long tokens() {
    return tokens.sum();
  }

  public double cost() {
    return cost.sum();
  }

  /** Mean response time in ms over all calls, 0 before the first. */
  public double averageLatencyMillis() {
    long n = requests();
    return n == 0 ? 0 : (double) latencyMillisSum.sum() / n;
  }

  /** Smoothed recent response time in ms, -1 before the first call. */
  public double latencyEwmaMillis() {
    return latency.millis();
  }

  /** The counters now, as values (each adder read once; concurrent calls may land in between). */
  public CounterSnapshot snapshot() {
    return new CounterSnapshot(
        successes.sum(), failures.sum(), tokens.sum(), cost.sum(), latencyMillisSum.sum(), latency.millis());
  }

  /** Share of successful calls 0..1; 1 when there were none (nothing has failed). */
  public double successRatio() {
    long s = successes.sum();
    long n = s + failures.sum();
    return n == 0 ? 1.0 : (double) s / n;
  }
}
