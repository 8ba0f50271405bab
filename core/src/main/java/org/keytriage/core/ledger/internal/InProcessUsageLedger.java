package org.keytriage.core.ledger.internal;

import org.keytriage.core.ledger.LedgerOperation;
import org.keytriage.core.ledger.UsageLedger;
import org.keytriage.core.ledger.UsageWindow;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A ledger for one JVM: one window per key in a concurrent map, each operation applied under that
 * window's monitor. Keys never contend with each other; an uncontended monitor costs a few
 * nanoseconds, which is why this is not lock-free.
 */
public final class InProcessUsageLedger implements UsageLedger {
  private final ConcurrentMap<String, UsageWindow> windows = new ConcurrentHashMap<>();
  private final Clock clock;

  public InProcessUsageLedger(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A ledger on the system UTC clock. */
  public InProcessUsageLedger() {
    this(Clock.systemUTC());
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public <R> R execute(String keyId, LedgerOperation<R> operation) {
    // get() first: computeIfAbsent locks the bin even when the window exists, on every call
    UsageWindow window = windows.get(keyId);
    if (window == null) {
      window = windows.computeIfAbsent(keyId, k -> new UsageWindow());
    }
    synchronized (window) {
      return operation.apply(window);
    }
  }
}
