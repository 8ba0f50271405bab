package org.keytriage.core.cluster.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.keytriage.core.ledger.Reservation;
import org.keytriage.core.ledger.UsageWindow;

/**
 * The reservations a degraded node admitted locally, so their settle and release go to the local
 * ledger even after the grid is back (the grid never saw them), and a grid reservation's settle
 * never frees local capacity. A count per value, since two reservations of the same size in the
 * same second are equal records.
 */
final class LocalReservations {
  private final ConcurrentMap<Reservation, Integer> held = new ConcurrentHashMap<>();

  void add(Reservation r) {
    held.merge(r, 1, Integer::sum);
    if (held.size() > 10_000) {
      forgetOlderThan(r.slotSecond() - UsageWindow.SLOTS);
    }
  }

  /** Takes one reservation equal to {@code r}; whether there was one. */
  boolean take(Reservation r) {
    boolean[] found = new boolean[1];
    held.computeIfPresent(
        r,
        (k, n) -> {
          found[0] = true;
          return n == 1 ? null : n - 1;
        });
    return found[0];
  }

  /** Reservations never completed leave with their window; forgetting them changes nothing. */
  private void forgetOlderThan(long second) {
    held.keySet().removeIf(k -> k.slotSecond() < second);
  }
}
