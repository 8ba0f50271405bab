package org.keytriage.core.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Adding two nodes' counters, as the cluster-wide metrics do. */
class AccountingSnapshotTest {

  @Test
  void countersAddUpAndTheSmoothedLatencyIsWeightedByCalls() {
    CounterSnapshot a = new CounterSnapshot(3, 1, 400, 0.4, 200, 40.0);
    CounterSnapshot b = new CounterSnapshot(1, 0, 100, 0.1, 100, 100.0);
    CounterSnapshot sum = a.plus(b);
    assertThat(sum.requests()).isEqualTo(5);
    assertThat(sum.successRatio()).isEqualTo(0.8);
    assertThat(sum.tokens()).isEqualTo(500);
    assertThat(sum.cost()).isCloseTo(0.5, within(1e-12));
    assertThat(sum.averageLatencyMillis()).isEqualTo(60.0);
    assertThat(sum.latencyEwmaMillis()).isCloseTo((40.0 * 4 + 100.0) / 5, within(1e-12));
    // a side without calls has no smoothed latency (-1) and does not dilute the other's
    assertThat(a.plus(CounterSnapshot.EMPTY).latencyEwmaMillis()).isEqualTo(40.0);
    assertThat(CounterSnapshot.EMPTY.plus(CounterSnapshot.EMPTY).latencyEwmaMillis()).isEqualTo(-1);
  }

  @Test
  void snapshotsAddPerKeyPerTaskAndPerDistributionCell() {
    UsageAccounting nodeA = new UsageAccounting();
    nodeA.recordCall("k1", "t", true, 10, 0.01, 5);
    nodeA.recordRejected("t");
    UsageAccounting nodeB = new UsageAccounting();
    nodeB.recordCall("k1", "t", false, 0, 0, 7);
    nodeB.recordCall("k2", "t", true, 20, 0.02, 9);

    AccountingSnapshot all = nodeA.snapshot().plus(nodeB.snapshot());
    assertThat(all.key("k1").requests()).isEqualTo(2);
    assertThat(all.key("k1").failures()).isEqualTo(1);
    assertThat(all.key("k2").tokens()).isEqualTo(20);
    assertThat(all.key("none")).isEqualTo(CounterSnapshot.EMPTY);
    assertThat(all.task("t").requests()).isEqualTo(3);
    assertThat(all.rejected("t")).isEqualTo(1);
    assertThat(all.distribution("t")).isEqualTo(Map.of("k1", 2L, "k2", 1L));
    assertThat(AccountingSnapshot.EMPTY.plus(all)).isEqualTo(all);
  }
}
