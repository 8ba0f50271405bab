package org.keytriage.core.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.keytriage.core.audit.AuditChain;
import org.keytriage.core.audit.AuditEntry;
import org.keytriage.core.audit.AuditQuery;
import org.keytriage.core.audit.AuditRecord;
import org.keytriage.core.audit.AuditTrail;

/** The audit trail of one JVM, in memory. Thread-safe. */
public final class InProcessAuditTrail implements AuditTrail {
  private final List<AuditEntry> entries = new ArrayList<>();

  @Override
  public synchronized AuditEntry append(AuditRecord record) {
    String previous = entries.isEmpty() ? AuditChain.GENESIS : entries.get(entries.size() - 1).hash();
    AuditEntry e = AuditChain.seal(entries.size() + 1L, record, previous);
    entries.add(e);
    return e;
  }

  @Override
  public synchronized List<AuditEntry> find(AuditQuery query) {
    List<AuditEntry> out = new ArrayList<>();
    int skipped = 0;
    for (int i = entries.size() - 1; i >= 0 && out.size() < query.limit(); i--) {
      AuditEntry e = entries.get(i);
      if (query.matches(e) && skipped++ >= query.offset()) {
        out.add(e);
      }
    }
    return out;
  }

  @Override
  public void forEachInOrder(Predicate<AuditEntry> each) {
    List<AuditEntry> copy;
    synchronized (this) {
      copy = List.copyOf(entries);
    }
    for (AuditEntry e : copy) {
      if (!each.test(e)) {
        return;
      }
    }
  }
}
