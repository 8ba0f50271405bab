package org.keytriage.core.audit;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.keytriage.core.events.GatewayEvent;
import org.keytriage.core.events.GatewayEventListener;
import org.keytriage.core.events.KeyChanged;
import org.keytriage.core.events.KeyPenalised;
import org.keytriage.core.events.StrategyChanged;

/**
 * Writes to an {@link AuditTrail}: operators' acts at once ({@link #recordNow}, so the operator
 * learns when it could not be audited), and what the engine's events tell (key penalties, key and
 * strategy changes) on a thread of its own, in order, retried until the trail takes them, so a
 * request never waits for the database and an outage loses no entry while the node runs. {@link
 * #close()} writes what is waiting.
 */
public final class AuditLog implements GatewayEventListener, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(AuditLog.class.getName());
  /** The actor of what the engine does on its own (penalties). */
  public static final String GATEWAY_ACTOR = "gateway";
  private static final long MAX_BACKOFF_MILLIS = 5_000;

  private final AuditTrail trail;
  // unbounded on purpose: audit entries must not be dropped, and they are rare (penalties are
  // rate-limited by their own cooldowns, operators' acts by people)
  private final LinkedBlockingQueue<AuditRecord> waiting = new LinkedBlockingQueue<>();
  private final AtomicLong failedWrites = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;
  private final Object writing = new Object();
  // the record being written: taken from the queue, not yet taken by the trail (guarded by writing)
  private volatile AuditRecord held;

  private AuditLog(AuditTrail trail) {
    this.trail = Objects.requireNonNull(trail, "trail");
    this.thread = new Thread(this::run, "keytriage-audit");
    this.thread.setDaemon(true);
  }

  public static AuditLog start(AuditTrail trail) {
    AuditLog log = new AuditLog(trail);
    log.thread.start();
    return log;
  }

  public AuditTrail trail() {
    return trail;
  }

  /** Appends at once, after what is waiting. */
  public AuditEntry recordNow(AuditRecord record) {
    synchronized (writing) {
      flushWaiting();
      return trail.append(record);
    }
  }

  /** Queues the record for the writer thread. */
  public void recordLater(AuditRecord record) {
    waiting.add(Objects.requireNonNull(record, "record"));
  }

  @Override
  public void on(GatewayEvent event) {
    if (event instanceof KeyPenalised p) {
      recordLater(new AuditRecord(p.at(), GATEWAY_ACTOR, "key.penalised", p.keyId(),
          Map.of("penalty", p.penalty().name().toLowerCase(java.util.Locale.ROOT), "detail", p.detail())));
    } else if (event instanceof KeyChanged c) {
      recordLater(new AuditRecord(c.at(), c.actor(), "key." + c.change().name().toLowerCase(java.util.Locale.ROOT),
          c.keyId(), changeDetails(c)));
    } else if (event instanceof StrategyChanged s) {
      recordLater(new AuditRecord(s.at(), s.actor(), "strategy.changed", s.taskType(),
          Map.of("from", s.from(), "to", s.to(), "reason", s.reason())));
    }
  }

  private static Map<String, String> changeDetails(KeyChanged c) {
    Map<String, String> details = new java.util.TreeMap<>();
    details.put("reason", c.reason());
    if (!c.before().isEmpty()) {
      details.put("before", c.before());
    }
    if (!c.after().isEmpty()) {
      details.put("after", c.after());
    }
    return details;
  }

  /** Entries waiting for the trail. */
  public long waiting() {
    synchronized (writing) {
      return waiting.size() + (held == null ? 0 : 1);
    }
  }

  public long failedWrites() {
    return failedWrites.get();
  }

  private void run() {
    long backoff = 0;
    while (running) {
      try {
        if (held == null) {
          AuditRecord next = waiting.poll(200, TimeUnit.MILLISECONDS);
          if (next == null) {
            continue;
          }
          synchronized (writing) {
            held = next;
          }
        }
        synchronized (writing) {
          try {
            flushWaiting();
            backoff = 0;
          } catch (RuntimeException e) {
            failedWrites.incrementAndGet();
            if (backoff == 0) {
              LOG.log(Level.WARNING, "The audit trail refused an entry (" + e.getClass().getName() + ": "
                  + e.getMessage() + "); entries wait and are retried in order");
            }
            backoff = backoff == 0 ? 100 : Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
          }
        }
        if (backoff > 0) {
          TimeUnit.MILLISECONDS.sleep(backoff);
        }
      } catch (InterruptedException e) {
        return; // the JVM stops this thread: what waits is written by close()
      }
    }
  }

  /**
   * Appends the held record and then every waiting one, in order; throws when the trail refuses
   * one, which is then held for the next try. Called holding {@link #writing}.
   */
  private void flushWaiting() {
    while (true) {
      if (held == null) {
        held = waiting.poll();
        if (held == null) {
          return;
        }
      }
      trail.append(held);
      held = null;
    }
  }

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
    synchronized (writing) {
      try {
        flushWaiting();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Audit log closed with the trail down: " + (waiting.size() + 1) + " entries not written");
      }
    }
  }
}
