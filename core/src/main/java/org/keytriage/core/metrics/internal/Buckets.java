package org.keytriage.core.metrics.internal;

import java.util.concurrent.atomic.LongAdder;

/**
 * One histogram series: a count per bucket (not cumulative; the writer adds them up) and the sum
 * of all observations. Durations are kept in whole nanoseconds so that the sum is exact and the
 * bucket comparison has no rounding.
 */
public final class Buckets {
  private final long[] upperBoundsNanos;
  /** One more than the bounds: the last one takes what is above every bound ({@code +Inf}). */
  private final LongAdder[] counts;
  private final LongAdder sumNanos = new LongAdder();

  /** @param upperBoundsNanos ascending, inclusive upper bounds */
  Buckets(long[] upperBoundsNanos) {
    this.upperBoundsNanos = upperBoundsNanos;
    this.counts = new LongAdder[upperBoundsNanos.length + 1];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new LongAdder();
    }
  }

  /** Records one duration; a negative one (a clock step) counts as 0. */
  public void observe(long nanos) {
    long n = Math.max(0, nanos);
    int i = 0;
    while (i < upperBoundsNanos.length && n > upperBoundsNanos[i]) {
      i++;
    }
    counts[i].increment();
    sumNanos.add(n);
  }

  /** Observations per bucket, not cumulative, the last one above every bound. */
  long[] counts() {
    long[] c = new long[counts.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = counts[i].sum();
    }
    return c;
  }

  long sumNanos() {
    return sumNanos.sum();
  }
}
