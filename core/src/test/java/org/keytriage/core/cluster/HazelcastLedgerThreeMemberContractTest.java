package org.keytriage.core.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.keytriage.core.ledger.UsageLedger;
import org.keytriage.core.ledger.UsageLedgerContract;
import org.keytriage.core.testing.MutableClock;

/**
 * The Hazelcast ledger on three members against the ledger contract, each call through the next
 * member in turn: most operations travel to a key's owner on another member, and every decision
 * must still be the one the in-process ledger makes.
 */
class HazelcastLedgerThreeMemberContractTest extends UsageLedgerContract {
  private static TestGrid grid;

  @BeforeAll
  static void startMembers() {
    grid = TestGrid.start(HazelcastLedgerThreeMemberContractTest.class, 3);
  }

  @AfterAll
  static void stopMembers() {
    if (grid != null) {
      grid.close();
    }
  }

  @Override
  protected UsageLedger createLedger(MutableClock clock) {
    // a member's copy of usage would lag the others' writes within a second: read the owner
    ClusterSettings exact = grid.settings().toBuilder().usageReadMaxAge(Duration.ZERO).build();
    List<UsageLedger> perMember = new ArrayList<>();
    for (int i = 0; i < grid.size(); i++) {
      perMember.add(grid.backends(i, exact, clock).ledger());
    }
    return new RoundRobinLedger(perMember);
  }

  /** Every operation is a network round trip here; two rounds still race 16 threads per key. */
  @Override
  protected int stressRounds() {
    return 2;
  }
}
