package org.keytriage.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import com.hazelcast.spi.merge.MergingValue;
import org.keytriage.core.ledger.KeyLimits;
import org.keytriage.core.ledger.LedgerOperations;
import org.keytriage.core.ledger.UsageSnapshot;
import org.keytriage.core.ledger.UsageWindow;

/** The split-brain merge of the usage map never lowers recorded usage. */
class MaxUsageMergePolicyTest {
  private static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
  private static final KeyLimits LIMITS = new KeyLimits(1_000, 1_000_000);

  private final MaxUsageMergePolicy<Object, Value> policy = new MaxUsageMergePolicy<>();

  private record Value(Object getValue) implements MergingValue<Object> {
    @Override
    public Object getRawValue() {
      return getValue;
    }
  }

  private static UsageWindow window(long[][] bookings) {
    UsageWindow w = new UsageWindow();
    for (long[] b : bookings) {
      for (int i = 0; i < b[1]; i++) {
        w.reserve(LIMITS, b[2], T0 + b[0], "k");
      }
    }
    return w;
  }

  private static UsageSnapshot usageAt(Object merged, long offset) {
    return new LedgerOperations.ReadUsage(T0 + offset).apply((UsageWindow) merged);
  }

  @Test
  void takesTheLargerUsageOfEachSecondFromBothSides() {
    // side A: 3 requests at 0 s, 1 at 10 s; side B: 1 at 0 s, 4 at 20 s
    UsageWindow a = window(new long[][] {{0, 3, 100}, {10_000, 1, 50}});
    UsageWindow b = window(new long[][] {{0, 1, 400}, {20_000, 4, 10}});

    Object merged = policy.merge(new Value(a), new Value(b));

    // per second: max(3,1)=3 requests / max(300,400)=400 tokens; 1 / 50; 4 / 40
    assertThat(usageAt(merged, 20_000)).isEqualTo(new UsageSnapshot(8, 490));
    assertThat(usageAt(merged, 62_000)).as("the 0 s slot left").isEqualTo(new UsageSnapshot(5, 90));
    // never below either side
    assertThat(usageAt(policy.merge(new Value(b), new Value(a)), 20_000)).isEqualTo(new UsageSnapshot(8, 490));
  }

  @Test
  void adoptsTheNewerHeadSoStaleSlotsLeave() {
    UsageWindow old = window(new long[][] {{0, 5, 100}});
    UsageWindow recent = window(new long[][] {{70_000, 2, 10}});
    Object merged = policy.merge(new Value(old), new Value(recent));
    assertThat(usageAt(merged, 70_000)).isEqualTo(new UsageSnapshot(2, 20));
  }

  @Test
  void aKeyOnOneSideOnlyIsKept() {
    UsageWindow only = window(new long[][] {{0, 2, 5}});
    assertThat(policy.merge(new Value(only), null)).isSameAs(only);
    assertThat(policy.merge(null, new Value(only))).isSameAs(only);
  }

  @Test
  void leavesItsInputsUntouched() {
    UsageWindow a = window(new long[][] {{0, 3, 100}});
    UsageWindow b = window(new long[][] {{0, 1, 400}});
    policy.merge(new Value(a), new Value(b));
    assertThat(usageAt(a, 0)).isEqualTo(new UsageSnapshot(3, 300));
    assertThat(usageAt(b, 0)).isEqualTo(new UsageSnapshot(1, 400));
  }
}
