package org.keytriage.core.requests;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.keytriage.core.alerts.Alert;
import org.keytriage.core.alerts.AlertSink;
import org.keytriage.core.alerts.AlertType;
import org.keytriage.core.events.GatewayEvent;
import org.keytriage.core.events.GatewayEventListener;
import org.keytriage.core.events.RequestFailed;
import org.keytriage.core.events.RequestServed;

/**
 * Writes one {@link RequestRecord} per client request to a {@link RequestLogStore}, off the
 * request path: the event listener only offers the row to a bounded queue, and one thread of its
 * own writes batches. When the store fails the batch is kept and retried with backoff while new
 * rows wait in the queue; requests never wait for the database. A row that finds the queue full is
 * dropped, counted in {@link #stats()} and raised once a minute as a {@link
 * AlertType#REQUEST_LOG_DROPPED} alert. Rows older than the retention are purged once an hour.
 * {@link #close()} writes what is waiting before it returns.
 */
public final class RequestLog implements GatewayEventListener, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(RequestLog.class.getName());
  private static final Duration PURGE_EVERY = Duration.ofHours(1);
  private static final Duration ALERT_EVERY = Duration.ofMinutes(1);
  private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final RequestLogStore store;
  private final RequestLogSettings settings;
  private final Clock clock;
  private final AlertSink alerts;
  private final BlockingQueue<RequestRecord> queue;
  private final List<RequestRecord> batch = new ArrayList<>();
  // batch.size(), readable without the lock
  private volatile int inBatch;
  // one writer at a time: the thread, or a caller of flush()
  private final ReentrantLock writing = new ReentrantLock();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failedWrites = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Instant lastAlert = Instant.MIN;
  private Instant nextPurge;
  private long backoffNanos;
  private boolean outage;

  private RequestLog(RequestLogStore store, RequestLogSettings settings, Clock clock, AlertSink alerts) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.queue = new ArrayBlockingQueue<>(settings.capacity());
    this.nextPurge = clock.instant();
    this.thread = new Thread(this::run, "keytriage-request-log");
    this.thread.setDaemon(true);
  }

  /** A request log writing to {@code store} on a thread of its own, started here. */
  public static RequestLog start(RequestLogStore store, RequestLogSettings settings, Clock clock, AlertSink alerts) {
    RequestLog log = new RequestLog(store, settings, clock, alerts);
    log.thread.start();
    return log;
  }

  /** The store it writes to (reads go there directly). */
  public RequestLogStore store() {
    return store;
  }

  @Override
  public void on(GatewayEvent event) {
    if (event instanceof RequestServed s) {
      offer(RequestRecord.of(s));
    } else if (event instanceof RequestFailed f) {
      offer(RequestRecord.of(f));
    }
  }

  private void offer(RequestRecord row) {
    if (!running || !queue.offer(row)) {
      dropped.incrementAndGet();
      alertDrops();
    }
  }

  private void alertDrops() {
    Instant now = clock.instant();
    if (Duration.between(lastAlert, now).compareTo(ALERT_EVERY) >= 0) {
      lastAlert = now;
      alerts.raise(new Alert(AlertType.REQUEST_LOG_DROPPED, null,
          "Request log rows dropped (" + dropped.get() + " since start): the store is down or too slow for the "
              + "traffic. Check the database; raise keytriage.request-log.capacity to wait out longer outages.",
          now));
    }
  }

  /**
   * Writes every row waiting now, on the caller's thread, and returns whether the store took them
   * all. For tests and for shutdown; the writer thread does this on its own.
   */
  public boolean flush() {
    writing.lock();
    try {
      while (true) {
        if (batch.isEmpty() && queue.drainTo(batch, settings.batchSize()) == 0) {
          return true;
        }
        inBatch = batch.size();
        if (!writeBatch()) {
          return false;
        }
      }
    } finally {
      writing.unlock();
    }
  }

  /** The writer's figures; never waits for the store (a metrics scrape must not hang on a database outage). */
  public RequestLogStats stats() {
    return new RequestLogStats(written.get(), queue.size() + inBatch, dropped.get(), failedWrites.get());
  }

  private void run() {
    while (running) {
      try {
        RequestRecord first = batch.isEmpty()
            ? queue.poll(settings.flushInterval().toMillis(), TimeUnit.MILLISECONDS)
            : null;
        if (first != null) {
          writing.lock();
          try {
            batch.add(first); // counted as waiting while the batch fills
            inBatch = batch.size();
          } finally {
            writing.unlock();
          }
          awaitBatch();
        }
        writing.lock();
        try {
          if (batch.size() < settings.batchSize()) {
            queue.drainTo(batch, settings.batchSize() - batch.size());
          }
          inBatch = batch.size();
          if (!batch.isEmpty() && !writeBatch()) {
            long wait = backoffNanos;
            writing.unlock();
            try {
              TimeUnit.NANOSECONDS.sleep(wait);
            } finally {
              writing.lock();
            }
          }
          purgeWhenDue();
        } finally {
          writing.unlock();
        }
      } catch (InterruptedException e) {
        return; // the JVM stops this thread: what waits is written by close()
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "The request log writer hit an unexpected failure; it goes on", e);
      }
    }
  }

  /**
   * Lets a batch fill: returns once the queue holds a whole batch or the first row has waited the
   * flush interval. Writing each row as it comes would cost a transaction per row (at 1,500 rows a
   * second that was a third of a core); rows wait at most the interval.
   */
  private void awaitBatch() throws InterruptedException {
    long until = System.nanoTime() + settings.flushInterval().toNanos();
    long left;
    while (running && queue.size() + 1 < settings.batchSize() && (left = until - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(20)));
    }
  }

  /** Writes {@link #batch}; on failure keeps it for the next try and lengthens the backoff. */
  private boolean writeBatch() {
    try {
      store.append(List.copyOf(batch));
    } catch (RuntimeException e) {
      failedWrites.incrementAndGet();
      backoffNanos = backoffNanos == 0 ? FIRST_BACKOFF_NANOS
          : Math.min(backoffNanos * 2, settings.maxBackoff().toNanos());
      if (!outage) {
        outage = true;
        // the failure's class and message only: a driver's message names the database, never a row
        LOG.log(Level.WARNING, "The request log store refused a batch of " + batch.size() + " rows ("
            + e.getClass().getName() + ": " + e.getMessage() + "); rows wait and are retried, requests go on");
      }
      return false;
    }
    written.addAndGet(batch.size());
    batch.clear();
    inBatch = 0;
    backoffNanos = 0;
    if (outage) {
      outage = false;
      LOG.log(Level.INFO, "The request log store takes rows again");
    }
    return true;
  }

  private void purgeWhenDue() {
    Instant now = clock.instant();
    if (now.isBefore(nextPurge)) {
      return;
    }
    nextPurge = now.plus(PURGE_EVERY);
    try {
      int purged = store.purgeBefore(now.minus(settings.retention()));
      if (purged > 0) {
        LOG.log(Level.INFO, "Request log: " + purged + " rows older than " + settings.retention() + " purged");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Request log purge failed (" + e.getClass().getName() + "); tried again in an hour");
    }
  }

  /** Stops taking rows, writes what is waiting (one try) and stops the thread. */
  @Override
  public void close() {
    running = false;
    // no interrupt: it would reach a JDBC driver in the middle of its I/O, and H2 closes its whole
    // file database when the thread writing it is interrupted; the loop sees the flag within one poll
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!flush()) {
      long lost = stats().waiting();
      dropped.addAndGet(lost);
      LOG.log(Level.WARNING, "Request log closed with the store down: " + lost + " rows not written");
    }
  }
}
