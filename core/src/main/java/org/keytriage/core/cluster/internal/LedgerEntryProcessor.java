package org.keytriage.core.cluster.internal;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;
import java.util.Objects;
import org.keytriage.core.ledger.LedgerOperation;
import org.keytriage.core.ledger.UsageWindow;

/**
 * One ledger decision as one entry processor on the key's partition owner: the very {@link
 * LedgerOperation} the in-process ledger applies under a monitor, applied here on the partition
 * thread, which runs one operation per key at a time. The backup replica gets the resulting window
 * ({@link SetValueBackup}), not the operation.
 */
public final class LedgerEntryProcessor<R> implements EntryProcessor<String, UsageWindow, R> {
  private static final long serialVersionUID = 1L;

  private final LedgerOperation<R> operation;

  /** Set by {@link #process} on the primary, read by Hazelcast right after it for the backup. */
  private transient UsageWindow result;

  public LedgerEntryProcessor(LedgerOperation<R> operation) {
    this.operation = Objects.requireNonNull(operation, "operation");
  }

  @Override
  public R process(Map.Entry<String, UsageWindow> entry) {
    UsageWindow window = entry.getValue();
    if (window == null) {
      window = new UsageWindow();
    }
    R answer = operation.apply(window);
    // in OBJECT format the window was changed in place, but only setValue makes it count (and backs it up)
    entry.setValue(window);
    result = window;
    return answer;
  }

  @Override
  public EntryProcessor<String, UsageWindow, R> getBackupProcessor() {
    return result == null ? null : new SetValueBackup<>(result);
  }

  @Override
  public String toString() {
    return "LedgerEntryProcessor[" + operation + "]";
  }
}
