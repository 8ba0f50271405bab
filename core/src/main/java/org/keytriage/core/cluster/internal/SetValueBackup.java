package org.keytriage.core.cluster.internal;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * The backup side of a decision (Bucket4j's pattern): the backup replica receives the state the
 * primary computed and stores it, instead of running the decision a second time on a copy that
 * might differ.
 *
 * @param value the resulting state on the primary
 * @param <V> the map's value type
 * @param <R> the primary processor's result type (a backup answers nothing)
 */
public record SetValueBackup<V, R>(V value) implements EntryProcessor<String, V, R> {
  @Override
  public R process(Map.Entry<String, V> entry) {
    entry.setValue(value);
    return null;
  }

  @Override
  public EntryProcessor<String, V, R> getBackupProcessor() {
    return null;
  }
}
