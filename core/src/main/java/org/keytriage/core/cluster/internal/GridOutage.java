package org.keytriage.core.cluster.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Remembers that the grid just failed, so a degraded node decides locally for the recheck interval
 * instead of waiting out the timeout on every request. Measured on a monotonic ticker (network
 * time, not the engine's business clock).
 */
final class GridOutage {
  private static final System.Logger LOG = System.getLogger(GridOutage.class.getName());
  private static final long NONE = Long.MIN_VALUE;

  private final long recheckNanos;
  private final LongSupplier ticker;
  private final AtomicLong localUntil = new AtomicLong(NONE);

  GridOutage(Duration recheck, LongSupplier ticker) {
    this.recheckNanos = recheck.toNanos();
    this.ticker = ticker;
  }

  /** Whether to skip the grid now. */
  boolean active() {
    long until = localUntil.get();
    return until != NONE && ticker.getAsLong() - until < 0;
  }

  /** The grid failed: decide locally until the recheck interval has passed. */
  void begin(RuntimeException cause) {
    long previous = localUntil.getAndSet(ticker.getAsLong() + recheckNanos);
    if (previous == NONE) {
      LOG.log(Level.WARNING, cause.getMessage() + " The grid is tried again every "
          + recheckNanos / 1_000_000 + " ms.");
    }
  }

  /** The grid answered again. */
  void end() {
    if (localUntil.get() != NONE && localUntil.getAndSet(NONE) != NONE) {
      LOG.log(Level.WARNING, "Cluster grid answering again; decisions are cluster-wide once more");
    }
  }

  /** Milliseconds until the grid is tried again, at least 1. */
  long millisUntilRecheck() {
    long until = localUntil.get();
    long left = until == NONE ? 0 : until - ticker.getAsLong();
    return Math.max(1, left / 1_000_000);
  }
}
