package org.keytriage.core.ledger;

import java.time.Clock;
import org.keytriage.core.ledger.internal.InProcessUsageLedger;

/** Creates the ledger backends the core ships with. */
public final class UsageLedgers {
  private UsageLedgers() {}

  /** A ledger for a single JVM (library mode, or one node without a grid). */
  public static UsageLedger inProcess(Clock clock) {
    return new InProcessUsageLedger(clock);
  }
}
