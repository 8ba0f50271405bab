package org.keytriage.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keytriage.core.ledger.DenialReason;
import org.keytriage.core.ledger.KeyLimits;
import org.keytriage.core.ledger.ReserveResult;
import org.keytriage.core.ledger.UsageLedger;
import org.keytriage.core.ledger.UsageSnapshot;
import org.keytriage.core.testing.MutableClock;

/**
 * The member that owns a full key's window dies without warning: the synchronous backup on a
 * survivor already holds every admission, so the survivors go on refusing; nothing is reset.
 */
class OwnerDeathTest {
  private TestGrid grid;

  @AfterEach
  void stopMembers() {
    if (grid != null) {
      grid.close();
    }
  }

  @Test
  void survivorsKeepRefusingAFullKeyAfterItsOwnerIsTerminated() {
    grid = TestGrid.start(OwnerDeathTest.class, 3);
    MutableClock clock = new MutableClock();
    String key = "hot-" + System.nanoTime();
    KeyLimits limits = new KeyLimits(20, 2_000);

    int owner = ownerOf(key);
    java.util.UUID ownerUuid = uuidOf(grid.member(owner));
    List<UsageLedger> ledgers = new ArrayList<>();
    for (int i = 0; i < grid.size(); i++) {
      ledgers.add(grid.backends(i, clock).ledger());
    }
    // fill the window through every member, the owner included
    for (int i = 0; i < 20; i++) {
      assertThat(ledgers.get(i % 3).reserve(key, limits, 50).isAdmitted()).isTrue();
    }
    assertThat(ledgers.get(0).reserve(key, limits, 50).denialReason()).isEqualTo(DenialReason.RPM_LIMIT);

    assertThat(ownerOf(key)).as("still the owner: no migration in between").isEqualTo(owner);
    grid.member(owner).getLifecycleService().terminate();

    for (int i = 0; i < grid.size(); i++) {
      if (i == owner) {
        continue;
      }
      ReserveResult refused = ledgers.get(i).reserve(key, limits, 50);
      assertThat(refused.isAdmitted()).as("survivor %d after the owner died", i).isFalse();
      assertThat(refused.denialReason()).isEqualTo(DenialReason.RPM_LIMIT);
      assertThat(refused.usage()).isEqualTo(new UsageSnapshot(20, 1_000));
    }
    int survivor = owner == 0 ? 1 : 0;
    Member newOwner = grid.member(survivor).getPartitionService().getPartition(key).getOwner();
    assertThat(newOwner.getUuid()).isNotEqualTo(ownerUuid);

    // and the window still rolls as before: free again once the admissions leave it
    clock.advance(Duration.ofSeconds(62));
    assertThat(ledgers.get(survivor).reserve(key, limits, 50).isAdmitted()).isTrue();
  }

  private int ownerOf(String key) {
    Member owner = grid.member(0).getPartitionService().getPartition(key).getOwner();
    for (int i = 0; i < grid.size(); i++) {
      if (uuidOf(grid.member(i)).equals(owner.getUuid())) {
        return i;
      }
    }
    throw new AssertionError("no member owns " + key);
  }

  private static java.util.UUID uuidOf(HazelcastInstance hz) {
    return hz.getCluster().getLocalMember().getUuid();
  }
}
