package org.keytriage.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.keytriage.core.ledger.internal.InProcessUsageLedger;
import org.keytriage.core.testing.MutableClock;

/** The in-process backend against the ledger contract. */
class InProcessUsageLedgerContractTest extends UsageLedgerContract {

  @Override
  protected UsageLedger createLedger(MutableClock clock) {
    return UsageLedgers.inProcess(clock);
  }

  @Test
  void stampsOperationsWithTheInjectedClock() {
    assertThat(ledger).isInstanceOf(InProcessUsageLedger.class);
    assertThat(ledger.clock()).isSameAs(clock);
  }

  @Test
  void requiresAClock() {
    assertThatThrownBy(() -> UsageLedgers.inProcess(null)).isInstanceOf(NullPointerException.class);
  }
}
