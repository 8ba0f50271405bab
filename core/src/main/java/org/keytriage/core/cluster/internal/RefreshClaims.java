package org.keytriage.core.cluster.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which local copies have a background read under way, so that a burst of requests finding the same
 * copy stale sends one refresh, not one each.
 */
final class RefreshClaims {
  private final Set<String> underWay = ConcurrentHashMap.newKeySet();

  /** The keys of {@code wanted} that nobody refreshes yet, now claimed by the caller. */
  Set<String> claim(Collection<String> wanted) {
    Set<String> mine = new LinkedHashSet<>();
    for (String key : wanted) {
      if (underWay.add(key)) {
        mine.add(key);
      }
    }
    return mine;
  }

  /** The refresh of {@code keys} is over, answered or not. */
  void done(Collection<String> keys) {
    underWay.removeAll(keys);
  }
}
