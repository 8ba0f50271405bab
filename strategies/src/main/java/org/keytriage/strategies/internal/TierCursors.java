package org.keytriage.strategies.internal;

import java.util.concurrent.atomic.AtomicLong;
import org.keytriage.spi.CandidateKey;
import org.keytriage.spi.KeyTier;

/**
 * A lock-free turn counter per {@link KeyTier}. The router calls a strategy once per tier, so a
 * single shared counter would advance twice per request whenever both tiers are ordered; with an
 * even number of keys in a tier, that tier would then only ever start at every other key. One
 * counter per tier keeps each tier's rotation even however often the other tier is asked.
 */
final class TierCursors {
  private final AtomicLong[] cursors;

  TierCursors() {
    KeyTier[] tiers = KeyTier.values();
    cursors = new AtomicLong[tiers.length];
    for (int i = 0; i < tiers.length; i++) {
      cursors[i] = new AtomicLong();
    }
  }

  /**
   * Takes the next turn for the tier of the first candidate (the router never mixes tiers in one
   * call; if a caller does, the first key decides).
   */
  long next(CandidateKey first) {
    return cursors[first.tier().ordinal()].getAndIncrement();
  }
}
