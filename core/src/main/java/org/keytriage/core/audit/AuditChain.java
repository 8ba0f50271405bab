package org.keytriage.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Seals and checks the audit chain. An entry's hash is SHA-256 over the previous entry's hash and
 * the entry's canonical content: its sequence number, time (epoch milliseconds), actor, action,
 * target and details, each length-prefixed so no two different entries share a content. Every
 * trail, in process or in a database, seals with this class, so a chain written by one verifies
 * with the other.
 */
public final class AuditChain {
  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /** The entry {@code record} becomes after the entry whose hash is {@code previousHash}. */
  public static AuditEntry seal(long seq, AuditRecord record, String previousHash) {
    return new AuditEntry(seq, record, previousHash, hash(seq, record, previousHash));
  }

  /** The hash an entry with these contents must carry. */
  public static String hash(long seq, AuditRecord record, String previousHash) {
    StringBuilder content = new StringBuilder(256);
    field(content, previousHash);
    field(content, Long.toString(seq));
    field(content, Long.toString(record.at().toEpochMilli()));
    field(content, record.actor());
    field(content, record.action());
    field(content, record.target());
    field(content, Integer.toString(record.details().size()));
    for (Map.Entry<String, String> d : record.details().entrySet()) {
      field(content, d.getKey());
      field(content, d.getValue());
    }
    return HexFormat.of().formatHex(sha256().digest(content.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static void field(StringBuilder out, String value) {
    out.append(value.length()).append(':').append(value).append('\n');
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Checks entries given in sequence order, one at a time: feed them, then {@link #result()}. */
  public static Verifier verifier() {
    return new Verifier();
  }

  /** Checks a whole trail in sequence order. */
  public static ChainVerification verify(Iterable<AuditEntry> inOrder) {
    Verifier v = verifier();
    for (AuditEntry e : inOrder) {
      if (!v.accept(e)) {
        break;
      }
    }
    return v.result();
  }

  /** A verification under way. */
  public static final class Verifier {
    private long entries;
    private long expectedSeq = 1;
    private String previousHash = GENESIS;
    private long firstBad;
    private String problem = "";

    private Verifier() {}

    /** Checks the next entry; false once a problem is found (the rest need not be read). */
    public boolean accept(AuditEntry e) {
      if (firstBad != 0) {
        return false;
      }
      entries++;
      if (e.seq() != expectedSeq) {
        return fail(e.seq(), e.seq() > expectedSeq
            ? "entries " + expectedSeq + " to " + (e.seq() - 1) + " were removed"
            : "entry " + e.seq() + " was inserted (sequence " + expectedSeq + " expected)");
      }
      if (!e.previousHash().equals(previousHash)) {
        return fail(e.seq(), "entry " + e.seq() + " does not follow entry " + (e.seq() - 1)
            + " (its previous hash differs): an entry was inserted or removed before it");
      }
      if (!hash(e.seq(), e.record(), e.previousHash()).equals(e.hash())) {
        return fail(e.seq(), "entry " + e.seq() + " was changed after it was written (its content does not match its hash)");
      }
      previousHash = e.hash();
      expectedSeq++;
      return true;
    }

    private boolean fail(long seq, String what) {
      firstBad = seq;
      problem = what;
      return false;
    }

    public ChainVerification result() {
      return new ChainVerification(firstBad == 0, entries, previousHash, firstBad, problem);
    }
  }
}
