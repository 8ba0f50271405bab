package org.keytriage.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keytriage.core.cluster.internal.HazelcastUsageLedger;
import org.keytriage.core.ledger.UsageLedger;
import org.keytriage.core.ledger.UsageLedgerContract;
import org.keytriage.core.testing.MutableClock;

/** The Hazelcast ledger on one embedded member against the ledger contract. */
class HazelcastLedgerSingleMemberContractTest extends UsageLedgerContract {
  private static TestGrid grid;

  @BeforeAll
  static void startMember() {
    grid = TestGrid.start(HazelcastLedgerSingleMemberContractTest.class, 1);
  }

  @AfterAll
  static void stopMember() {
    if (grid != null) {
      grid.close();
    }
  }

  @Override
  protected UsageLedger createLedger(MutableClock clock) {
    return grid.backends(0, clock).ledger();
  }

  @Test
  void isTheHazelcastBackendOnTheInjectedClock() {
    assertThat(ledger).isInstanceOf(HazelcastUsageLedger.class);
    assertThat(ledger.clock()).isSameAs(clock);
  }
}
