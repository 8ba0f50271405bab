package org.keytriage.core.cluster.internal;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import java.util.Map;
import org.keytriage.core.ledger.LedgerOperations;
import org.keytriage.core.ledger.UsageSnapshot;
import org.keytriage.core.ledger.UsageWindow;

/**
 * Reads a key's usage on its owner without writing anything back and without a backup: reading only
 * rolls the window forward, which the next write does anyway.
 *
 * @param nowMillis the reader's clock
 */
public record ReadUsageProcessor(long nowMillis)
    implements EntryProcessor<String, UsageWindow, UsageSnapshot>, ReadOnly {

  @Override
  public UsageSnapshot process(Map.Entry<String, UsageWindow> entry) {
    UsageWindow stored = entry.getValue();
    if (stored == null) {
      return UsageSnapshot.EMPTY;
    }
    // never roll the stored object itself forward (OBJECT format hands it out): read a copy
    UsageWindow copy = new UsageWindow();
    copy.mergeMax(stored);
    return new LedgerOperations.ReadUsage(nowMillis).apply(copy);
  }

  @Override
  public EntryProcessor<String, UsageWindow, UsageSnapshot> getBackupProcessor() {
    return null;
  }
}
