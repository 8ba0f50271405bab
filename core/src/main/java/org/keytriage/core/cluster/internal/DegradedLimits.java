package org.keytriage.core.cluster.internal;

import org.keytriage.core.ledger.KeyLimits;

/**
 * The share of a key's limits one node may use alone while the grid is away: each limit times the
 * share, rounded down, so that {@code 1/share} nodes cut off together never exceed the limit.
 */
final class DegradedLimits {
  private final double share;

  DegradedLimits(double share) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be in (0, 1], was " + share);
    }
    this.share = share;
  }

  /** The node's share of {@code limits}, or {@code null} when a share rounds down to nothing. */
  KeyLimits of(KeyLimits limits) {
    long rpm = (long) Math.floor(limits.maxRpm() * share);
    long tpm = (long) Math.floor(limits.maxTpm() * share);
    return rpm < 1 || tpm < 1 ? null : new KeyLimits(rpm, tpm);
  }
}
