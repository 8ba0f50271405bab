package org.keytriage.core.audit;

import java.util.List;
import java.util.function.Predicate;

/**
 * Where audit entries live. {@link #append} seals the record after the current last entry
 * atomically (in a cluster sharing one database too), so the chain has one order.
 */
public interface AuditTrail extends AutoCloseable {

  /** Seals {@code record} as the next entry and stores it; returns the entry. */
  AuditEntry append(AuditRecord record);

  /** The entries that match, newest first. */
  List<AuditEntry> find(AuditQuery query);

  /**
   * Hands every entry to {@code each} in sequence order, oldest first, until it answers false.
   * Reads in pages: a long trail is never held in memory at once.
   */
  void forEachInOrder(Predicate<AuditEntry> each);

  /** Checks the whole chain. */
  default ChainVerification verify() {
    AuditChain.Verifier v = AuditChain.verifier();
    forEachInOrder(v::accept);
    return v.result();
  }

  @Override
  default void close() {}

  /** The trail of one JVM, in memory. */
  static AuditTrail inProcess() {
    return new org.keytriage.core.audit.internal.InProcessAuditTrail();
  }
}
