package org.keytriage.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one row of {@code kt_audit_head}: the chain's last entry, locked by every append. */
@Entity
@Table(name = "kt_audit_head")
public class AuditHeadRow {
  static final int ID = 1;

  @Id
  int id;

  @Column(name = "last_seq")
  long lastSeq;

  @Column(name = "last_hash")
  String lastHash;

  protected AuditHeadRow() {}
}
