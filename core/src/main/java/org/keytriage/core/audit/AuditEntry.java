package org.keytriage.core.audit;

import java.util.Objects;

/**
 * An entry of the chain: the record, its place and the hashes that tie it to the one before.
 *
 * @param seq its place, from 1, without gaps
 * @param record what happened
 * @param previousHash {@link #hash()} of entry {@code seq - 1}; {@link AuditChain#GENESIS} for the first
 * @param hash SHA-256 (hex) of the previous hash and this entry's canonical content
 */
public record AuditEntry(long seq, AuditRecord record, String previousHash, String hash) {
  public AuditEntry {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
  }
}
