package org.keytriage.core.accounting.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Exponentially weighted moving average of response times, lock-free. The first sample seeds the
 * average, so a key is not judged slow just for being new.
 */
public final class LatencyEwma {
  /** Weight of the newest sample: 0.2 follows a change within about ten calls. */
  public static final double DEFAULT_ALPHA = 0.2;

  private static final long UNSET = Double.doubleToRawLongBits(-1);

  private final double alpha;
  private final AtomicLong bits = new AtomicLong(UNSET);

  public LatencyEwma(double alpha) {
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1], was " + alpha);
    }
    this.alpha = alpha;
  }

  public LatencyEwma() {
    this(DEFAULT_ALPHA);
  }

  public void record(double sampleMillis) {
    long prev;
    long next;
    do {
      prev = bits.get();
      double current = Double.longBitsToDouble(prev);
      double updated = current < 0 ? sampleMillis : alpha * sampleMillis + (1 - alpha) * current;
      next = Double.doubleToRawLongBits(updated);
    } while (!bits.compareAndSet(prev, next));
  }

  /** The average in milliseconds, or {@code -1} before the first sample. */
  public double millis() {
    return Double.longBitsToDouble(bits.get());
  }
}
