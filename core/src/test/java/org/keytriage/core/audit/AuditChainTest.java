package org.keytriage.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditChainTest {
  private final List<AuditEntry> chain = new ArrayList<>();

  @BeforeEach
  void fiveEntries() {
    String previous = AuditChain.GENESIS;
    for (int i = 1; i <= 5; i++) {
      AuditEntry e = AuditChain.seal(i, rec(i, "reason " + i), previous);
      chain.add(e);
      previous = e.hash();
    }
  }

  private static AuditRecord rec(int i, String reason) {
    return new AuditRecord(Instant.parse("2026-12-02T10:00:00Z").plusSeconds(i), "admin", "key.changed", "k" + i,
        Map.of("reason", reason));
  }

  @Test
  void anUntouchedChainIsIntact() {
    ChainVerification v = AuditChain.verify(chain);
    assertThat(v.intact()).isTrue();
    assertThat(v.entries()).isEqualTo(5);
    assertThat(v.headHash()).isEqualTo(chain.get(4).hash());
  }

  @Test
  void aChangedEntryIsNamed() {
    AuditEntry third = chain.get(2);
    chain.set(2, new AuditEntry(3, rec(3, "nothing to see"), third.previousHash(), third.hash()));

    ChainVerification v = AuditChain.verify(chain);

    assertThat(v.intact()).isFalse();
    assertThat(v.firstBadSeq()).isEqualTo(3);
    assertThat(v.problem()).contains("entry 3 was changed");
  }

  @Test
  void aRemovedEntryIsNamed() {
    chain.remove(1);

    ChainVerification v = AuditChain.verify(chain);

    assertThat(v.firstBadSeq()).isEqualTo(3);
    assertThat(v.problem()).contains("entries 2 to 2 were removed");
  }

  @Test
  void aRemovedAndRenumberedEntryIsFoundByItsPreviousHash() {
    chain.remove(1);
    List<AuditEntry> renumbered = new ArrayList<>();
    for (AuditEntry e : chain) {
      long seq = e.seq() > 2 ? e.seq() - 1 : e.seq();
      renumbered.add(new AuditEntry(seq, e.record(), e.previousHash(), e.hash()));
    }

    ChainVerification v = AuditChain.verify(renumbered);

    assertThat(v.firstBadSeq()).isEqualTo(2);
    assertThat(v.problem()).contains("does not follow entry 1");
  }

  @Test
  void anInsertedEntryIsNamed() {
    AuditEntry forged = AuditChain.seal(3, rec(9, "forged"), chain.get(1).hash());
    chain.add(2, forged);

    ChainVerification v = AuditChain.verify(chain);

    assertThat(v.intact()).isFalse();
    assertThat(v.firstBadSeq()).isEqualTo(3);
  }

  @Test
  void theHashCoversEveryField() {
    AuditRecord base = rec(1, "r");
    String h = AuditChain.hash(1, base, AuditChain.GENESIS);
    assertThat(AuditChain.hash(2, base, AuditChain.GENESIS)).isNotEqualTo(h);
    assertThat(AuditChain.hash(1, new AuditRecord(base.at(), "ops", base.action(), base.target(), base.details()),
        AuditChain.GENESIS)).isNotEqualTo(h);
    assertThat(AuditChain.hash(1, new AuditRecord(base.at(), base.actor(), base.action(), "k1x", base.details()),
        AuditChain.GENESIS)).isNotEqualTo(h);
    // the length prefixes keep "a"+"bc" apart from "ab"+"c"
    assertThat(AuditChain.hash(1, new AuditRecord(base.at(), "a", "bc", "", Map.of()), AuditChain.GENESIS))
        .isNotEqualTo(AuditChain.hash(1, new AuditRecord(base.at(), "ab", "c", "", Map.of()), AuditChain.GENESIS));
  }
}
