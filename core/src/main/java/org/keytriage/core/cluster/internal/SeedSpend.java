package org.keytriage.core.cluster.internal;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;
import org.keytriage.core.accounting.PeriodSpend;

/**
 * Raises one account's spend to at least a restored value on the partition owner (merged by
 * {@link PeriodSpend#max}), so every node of a cluster may restore budgets at start without
 * counting them twice. Answers the spend after; the backup gets it too.
 */
public final class SeedSpend implements EntryProcessor<String, PeriodSpend, PeriodSpend> {
  private static final long serialVersionUID = 1L;

  private final PeriodSpend restored;
  private transient PeriodSpend result;

  public SeedSpend(PeriodSpend restored) {
    this.restored = restored;
  }

  @Override
  public PeriodSpend process(Map.Entry<String, PeriodSpend> entry) {
    PeriodSpend before = entry.getValue() == null ? PeriodSpend.EMPTY : entry.getValue();
    result = before.max(restored);
    entry.setValue(result);
    return result;
  }

  @Override
  public EntryProcessor<String, PeriodSpend, PeriodSpend> getBackupProcessor() {
    return result == null ? null : new SetValueBackup<>(result);
  }
}
