package org.keytriage.web.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows password guessing down. Within {@code window}, after {@code maxFailures} failed logins for
 * one name from one address, or {@code maxFailures} × {@value #ADDRESS_FACTOR} from one address
 * (whatever the names: many operators may sit behind one hospital proxy), or {@code maxFailures} ×
 * {@value #NAME_FACTOR} for one name (from anywhere: guessing spread over many addresses), further
 * attempts for that name or from that address are refused without looking at the password until
 * enough of those failures are older than the window. Locking a name from one address only keeps
 * a guesser elsewhere from locking an operator out; the name-wide limit is far higher for the same
 * reason. A success clears its name-and-address failures only.
 *
 * <p>Remembers at most {@value #MAX_TRACKED} names and addresses, the least recently failed
 * forgotten first, so a flood of made-up names cannot exhaust memory. Thread-safe.
 */
public final class LoginThrottle {
  /** Failures within the window that lock a name or an address: 5 by default. */
  public static final int DEFAULT_MAX_FAILURES = 5;

  /** The window, and so the longest lock: 15 minutes by default. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

  static final int MAX_TRACKED = 10_000;
  static final int ADDRESS_FACTOR = 4;
  static final int NAME_FACTOR = 10;

  private final Clock clock;
  private final int maxFailures;
  private final Duration window;
  private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(256, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
      return size() > MAX_TRACKED;
    }
  };

  public LoginThrottle(Clock clock, int maxFailures, Duration window) {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be 1 or more, was " + maxFailures);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, was " + window);
    }
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.window = window;
  }

  /** Whether an attempt for this name from this address is refused now. */
  public boolean isLocked(String name, String address) {
    return !retryAfter(name, address).isZero();
  }

  /** How long until an attempt for this name from this address is taken again; zero when it is now. */
  public synchronized Duration retryAfter(String name, String address) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    for (String k : keys(name, address)) {
      int limit = limit(k);
      if (count(k, now) >= limit) {
        Deque<Instant> d = failures.get(k);
        // the lock lifts when enough of the failures have aged out of the window
        Instant lifts = d.stream().skip(d.size() - limit).findFirst().orElse(now).plus(window);
        Duration left = Duration.between(now, lifts);
        if (left.compareTo(wait) > 0) {
          wait = left;
        }
      }
    }
    return wait;
  }

  public synchronized void failed(String name, String address) {
    Instant now = clock.instant();
    for (String k : keys(name, address)) {
      Deque<Instant> d = failures.computeIfAbsent(k, x -> new ArrayDeque<>());
      d.addLast(now);
      while (d.size() > limit(k)) {
        d.removeFirst();
      }
    }
  }

  public synchronized void succeeded(String name, String address) {
    failures.remove(pair(name, address));
  }

  private static String[] keys(String name, String address) {
    return new String[] {pair(name, address), "address:" + address, "name:" + name};
  }

  private static String pair(String name, String address) {
    return "pair:" + address + "\u0000" + name;
  }

  private int limit(String key) {
    if (key.startsWith("address:")) {
      return maxFailures * ADDRESS_FACTOR;
    }
    return key.startsWith("name:") ? maxFailures * NAME_FACTOR : maxFailures;
  }

  private int count(String key, Instant now) {
    Deque<Instant> d = failures.get(key);
    if (d == null) {
      return 0;
    }
    Instant oldest = now.minus(window);
    while (!d.isEmpty() && !d.peekFirst().isAfter(oldest)) {
      d.removeFirst();
    }
    if (d.isEmpty()) {
      failures.remove(key);
      return 0;
    }
    return d.size();
  }
}
