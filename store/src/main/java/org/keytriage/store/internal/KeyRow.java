package org.keytriage.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code kt_key}: one key changed at run time, its secret encrypted. */
@Entity
@Table(name = "kt_key")
public class KeyRow {
  @Id
  @Column(name = "key_id")
  String keyId;

  /** The key's fields without the secret ({@link org.keytriage.core.config.KeyEntries#withoutSecret}). */
  String config;

  /** The secret's ciphertext ({@link org.keytriage.store.SecretCipher}). */
  String secret;

  @Column(name = "rotated_at_ms")
  Long rotatedAtMs;

  @Column(name = "updated_at_ms")
  long updatedAtMs;

  @Column(name = "retired_at_ms")
  Long retiredAtMs;

  protected KeyRow() {}

  KeyRow(String keyId) {
    this.keyId = keyId;
  }
}
