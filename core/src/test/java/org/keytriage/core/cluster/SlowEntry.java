package org.keytriage.core.cluster;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Holds a key's partition thread for a while, so every other operation on that partition waits: a
 * member whose map operations time out.
 *
 * @param millis how long to hold it
 */
record SlowEntry(long millis) implements EntryProcessor<String, Object, Object> {
  @Override
  public Object process(Map.Entry<String, Object> entry) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  @Override
  public EntryProcessor<String, Object, Object> getBackupProcessor() {
    return null;
  }
}
