package org.keytriage.core.upstream.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Aborts exchanges that outlive their time: a blocking call bounds each read, the watchdog bounds
 * the whole attempt (a body that trickles in byte by byte cannot hold a request thread past its
 * deadline). One daemon thread for every call; a call that ends in time cancels its abort, which
 * is removed from the queue at once.
 */
final class Watchdog implements AutoCloseable {
  private final ScheduledThreadPoolExecutor timer;

  Watchdog() {
    timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "keytriage-upstream-deadlines");
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
  }

  /** Aborts {@code exchange} after {@code after}, unless the returned guard is disarmed first. */
  Guard guard(Exchange exchange, Duration after) {
    Guard g = new Guard(exchange);
    g.arm(after);
    return g;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /** One exchange's pending abort. */
  final class Guard implements AutoCloseable {
    private final Exchange exchange;
    private volatile boolean fired;
    private ScheduledFuture<?> pending;

    private Guard(Exchange exchange) {
      this.exchange = exchange;
    }

    /** Aborts after {@code after} from now, replacing an earlier arming. */
    synchronized void arm(Duration after) {
      if (pending != null) {
        pending.cancel(false);
      }
      pending = timer.schedule(() -> {
        fired = true;
        exchange.abort();
      }, Math.max(0, after.toNanos()), TimeUnit.NANOSECONDS);
    }

    /** Whether the abort happened: a failure after it is the deadline's, not the upstream's. */
    boolean fired() {
      return fired;
    }

    /** Disarms it. */
    @Override
    public synchronized void close() {
      if (pending != null) {
        pending.cancel(false);
      }
    }
  }
}
