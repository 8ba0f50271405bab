package org.keytriage.core.cluster;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.merge.MergingValue;
import com.hazelcast.spi.merge.SplitBrainMergePolicy;
import org.keytriage.core.ledger.UsageWindow;

/**
 * The split-brain merge policy of the usage map: when two halves of a cluster that were cut off
 * from each other merge, each key's window becomes the slot-by-slot maximum of both ({@link
 * UsageWindow#mergeMax}). Recorded usage is never lowered, so a key that was busy on either side
 * stays refused until that usage leaves the window.
 *
 * <p>KeyTriage sets it on the usage map of an embedded member. A grid KeyTriage does not start
 * (Payara's, an external cluster) should name it in its own configuration for the map {@code
 * keytriage.usage}: {@code <merge-policy>org.keytriage.core.cluster.MaxUsageMergePolicy</merge-policy>};
 * the class must then be on every member's class path.
 */
public final class MaxUsageMergePolicy<V, T extends MergingValue<V>>
    implements SplitBrainMergePolicy<V, T, Object> {

  /** Hazelcast creates the policy by name. */
  public MaxUsageMergePolicy() {}

  @Override
  public Object merge(T mergingValue, T existingValue) {
    if (mergingValue == null) {
      return existingValue == null ? null : existingValue.getRawValue();
    }
    if (existingValue == null) {
      return mergingValue.getRawValue();
    }
    Object merging = mergingValue.getValue();
    Object existing = existingValue.getValue();
    if (merging instanceof UsageWindow a && existing instanceof UsageWindow b) {
      // a fresh window: the stored objects may be the map's own (OBJECT format)
      UsageWindow merged = new UsageWindow();
      merged.mergeMax(a);
      merged.mergeMax(b);
      return merged;
    }
    // not a usage window: keep what this side has, like Hazelcast's PutIfAbsentMergePolicy
    return existingValue.getRawValue();
  }

  @Override
  public void writeData(ObjectDataOutput out) {
    // no state
  }

  @Override
  public void readData(ObjectDataInput in) {
    // no state
  }
}
