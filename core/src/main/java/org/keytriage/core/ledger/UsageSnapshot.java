package org.keytriage.core.ledger;

import java.io.Serializable;

/**
 * A key's usage in the current rolling window.
 *
 * @param requests requests admitted
 * @param tokens tokens admitted (estimates until settled, real counts after)
 */
public record UsageSnapshot(long requests, long tokens) implements Serializable {
  public static final UsageSnapshot EMPTY = new UsageSnapshot(0, 0);
}
