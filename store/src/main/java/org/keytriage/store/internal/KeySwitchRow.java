package org.keytriage.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code kt_key_switch}: an operator's last on/off switch of a key. */
@Entity
@Table(name = "kt_key_switch")
public class KeySwitchRow {
  @Id
  @Column(name = "key_id")
  String keyId;

  boolean active;

  @Column(name = "updated_at_ms")
  long updatedAtMs;

  protected KeySwitchRow() {}

  KeySwitchRow(String keyId) {
    this.keyId = keyId;
  }
}
