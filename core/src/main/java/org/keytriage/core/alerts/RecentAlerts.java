package org.keytriage.core.alerts;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The default sink: keeps the most recent alerts in memory (default {@value #DEFAULT_CAPACITY}) for
 * the console and logs each one through {@link System.Logger} at INFO: the component that raises
 * an alert has already logged the event at WARNING, so operators do not get it twice. Thread-safe.
 */
public final class RecentAlerts implements AlertSink {
  /** How many alerts are kept unless told otherwise. */
  public static final int DEFAULT_CAPACITY = 500;

  private static final System.Logger LOG = System.getLogger(RecentAlerts.class.getName());

  private final int capacity;
  private final Deque<Alert> alerts = new ArrayDeque<>();
  // guarded by alerts; an acknowledgement goes when its alert is dropped
  private final java.util.Map<Alert, Acknowledgement> acknowledged = new java.util.HashMap<>();

  /** Who acknowledged an alert, and when. */
  public record Acknowledgement(String by, java.time.Instant at) {}

  public RecentAlerts() {
    this(DEFAULT_CAPACITY);
  }

  public RecentAlerts(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    }
    this.capacity = capacity;
  }

  @Override
  public void raise(Alert alert) {
    synchronized (alerts) {
      if (alerts.size() == capacity) {
        acknowledged.remove(alerts.removeFirst());
      }
      alerts.addLast(alert);
    }
    // the message holds only key ids and figures, so it is safe to log as it is
    LOG.log(Level.INFO, "Alert {0}: {1}", alert.type(), alert.message());
  }

  /** The alerts kept, oldest first. */
  public List<Alert> recent() {
    synchronized (alerts) {
      return List.copyOf(alerts);
    }
  }

  /** The alerts kept of one type, oldest first. */
  public List<Alert> recent(AlertType type) {
    return matching(a -> a.type() == type);
  }

  /** The alerts kept about one key, oldest first. */
  public List<Alert> forKey(String keyId) {
    return matching(a -> keyId.equals(a.keyId()));
  }

  private List<Alert> matching(Predicate<Alert> test) {
    List<Alert> out = new ArrayList<>();
    for (Alert a : recent()) {
      if (test.test(a)) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * Marks a kept alert as seen by an operator; false when it is no longer kept (or was acknowledged
   * already, which keeps the first acknowledgement).
   */
  public boolean acknowledge(Alert alert, String by, java.time.Instant at) {
    synchronized (alerts) {
      if (!alerts.contains(alert) || acknowledged.containsKey(alert)) {
        return false;
      }
      acknowledged.put(alert, new Acknowledgement(by, at));
      return true;
    }
  }

  /** The acknowledgement of a kept alert, if an operator gave one. */
  public java.util.Optional<Acknowledgement> acknowledgement(Alert alert) {
    synchronized (alerts) {
      return java.util.Optional.ofNullable(acknowledged.get(alert));
    }
  }

  public int capacity() {
    return capacity;
  }
}
