package org.keytriage.core.upstream.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The time one client request may take across all its attempts. Measured on a monotonic timer, not
 * the engine's clock: it bounds real waiting on sockets, which a test clock standing still must not
 * stretch.
 */
final class Deadline {
  private final Duration total;
  private final long endNanos;
  private final LongSupplier nanoTime;

  private Deadline(Duration total, LongSupplier nanoTime) {
    this.total = total;
    this.nanoTime = nanoTime;
    this.endNanos = nanoTime.getAsLong() + total.toNanos();
  }

  static Deadline start(Duration total) {
    return new Deadline(total, System::nanoTime);
  }

  static Deadline start(Duration total, LongSupplier nanoTime) {
    return new Deadline(total, nanoTime);
  }

  Duration total() {
    return total;
  }

  Duration remaining() {
    return Duration.ofNanos(Math.max(0, endNanos - nanoTime.getAsLong()));
  }

  boolean expired() {
    return endNanos - nanoTime.getAsLong() <= 0;
  }

  /** One attempt's timeout: the cap, or what is left of the deadline if that is less. */
  Duration attemptTimeout(Duration cap) {
    Duration left = remaining();
    return left.compareTo(cap) < 0 ? left : cap;
  }
}
