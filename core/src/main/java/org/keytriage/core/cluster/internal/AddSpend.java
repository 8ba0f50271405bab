package org.keytriage.core.cluster.internal;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;
import org.keytriage.core.accounting.PeriodSpend;

/**
 * Books a cost on one account's spend on the partition owner, so bookings from every node add up
 * without a lost update. Answers the spend as it was just before; the backup gets the result.
 */
public final class AddSpend implements EntryProcessor<String, PeriodSpend, PeriodSpend> {
  private static final long serialVersionUID = 1L;

  private final long epochDay;
  private final long month;
  private final double cost;
  private transient PeriodSpend result;

  public AddSpend(long epochDay, long month, double cost) {
    this.epochDay = epochDay;
    this.month = month;
    this.cost = cost;
  }

  @Override
  public PeriodSpend process(Map.Entry<String, PeriodSpend> entry) {
    PeriodSpend before = entry.getValue() == null ? PeriodSpend.EMPTY : entry.getValue();
    result = before.plus(epochDay, month, cost);
    entry.setValue(result);
    return before;
  }

  @Override
  public EntryProcessor<String, PeriodSpend, PeriodSpend> getBackupProcessor() {
    return result == null ? null : new SetValueBackup<>(result);
  }
}
