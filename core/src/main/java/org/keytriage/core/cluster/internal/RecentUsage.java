package org.keytriage.core.cluster.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.keytriage.core.ledger.UsageSnapshot;

/**
 * This node's latest copy of each key's usage, taken from the answers of its own ledger operations
 * and of background reads. The router ranks candidates by usage on every request; answering that
 * from here saves a grid round trip per candidate. A copy counts as fresh only within the same
 * second of the clock (the window rolls per second) and while younger than the configured age.
 * Never used to admit.
 */
final class RecentUsage {
  private final Clock clock;
  private final long maxAgeMillis;
  private final ConcurrentMap<String, Seen> byKey = new ConcurrentHashMap<>();

  private record Seen(UsageSnapshot usage, long atMillis) {}

  RecentUsage(Clock clock, Duration maxAge) {
    this.clock = clock;
    this.maxAgeMillis = maxAge.toMillis();
  }

  /** Keeps the copy unless a younger one is already kept (answers may arrive out of order). */
  void remember(String keyId, UsageSnapshot usage, long atMillis) {
    if (maxAgeMillis > 0 && usage != null) {
      byKey.merge(keyId, new Seen(usage, atMillis), (old, neu) -> neu.atMillis() >= old.atMillis() ? neu : old);
    }
  }

  /** Whether copies may be used at all: an age of 0 asks for exact reads. */
  boolean enabled() {
    return maxAgeMillis > 0;
  }

  /** The copy if it is still fresh, else {@code null}. */
  UsageSnapshot fresh(String keyId) {
    Seen seen = byKey.get(keyId);
    if (seen == null) {
      return null;
    }
    long now = clock.millis();
    boolean sameSecond = Math.floorDiv(now, 1000L) == Math.floorDiv(seen.atMillis(), 1000L);
    return sameSecond && now - seen.atMillis() <= maxAgeMillis ? seen.usage() : null;
  }

  /** The copy however old, for reports while the grid is unreachable; {@code null} if none. */
  UsageSnapshot lastKnown(String keyId) {
    Seen seen = byKey.get(keyId);
    return seen == null ? null : seen.usage();
  }
}
