package org.keytriage.core.ledger;

import java.io.Serializable;

/**
 * A key's limits per rolling 60 s window.
 *
 * @param maxRpm requests per minute, {@code > 0}
 * @param maxTpm tokens per minute, {@code > 0}
 */
public record KeyLimits(long maxRpm, long maxTpm) implements Serializable {
  public KeyLimits {
    if (maxRpm <= 0 || maxTpm <= 0) {
      throw new IllegalArgumentException(
          "limits must be positive, were max_rpm=" + maxRpm + ", max_tpm=" + maxTpm);
    }
  }
}
