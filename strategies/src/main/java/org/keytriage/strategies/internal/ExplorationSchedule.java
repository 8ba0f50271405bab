package org.keytriage.strategies.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Marks a fixed share of calls as exploring, evenly spaced and deterministic (a share of 0.1 marks
 * every tenth call), so tests can count on it and no random generator is shared between threads.
 */
final class ExplorationSchedule {
  /** Returned by {@link #next()} for a call that does not explore. */
  static final long NO = -1;

  private final double share;
  private final AtomicLong calls = new AtomicLong();

  /**
   * @param share the share of calls that explore, 0..1; 0 never touches the counter
   */
  ExplorationSchedule(double share) {
    this.share = share;
  }

  /**
   * Counts one call.
   *
   * @return {@link #NO}, or the running number (0, 1, 2...) of this exploring call
   */
  long next() {
    if (share <= 0) {
      return NO;
    }
    long call = calls.getAndIncrement();
    long before = (long) Math.floor(call * share);
    long after = (long) Math.floor((call + 1) * share);
    return after > before ? before : NO;
  }
}
