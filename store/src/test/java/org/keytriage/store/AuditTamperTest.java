package org.keytriage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keytriage.core.audit.AuditRecord;
import org.keytriage.core.audit.ChainVerification;

/** Rows of the audit table changed, removed or forged behind the store's back are found by verify. */
class AuditTamperTest {

  private interface Tamper {
    void apply(Statement sql) throws Exception;
  }

  private ChainVerification tamperedWith(StoreOnDatabase db, Tamper tamper) throws Exception {
    StoreSettings settings = db.settings();
    try (Store store = Store.open(settings)) {
      for (int i = 1; i <= 6; i++) {
        store.auditTrail().append(new AuditRecord(Instant.parse("2026-12-02T10:00:00Z").plusSeconds(i), "admin",
            "key.changed", "k" + i, Map.of("reason", "change " + i)));
      }
      assertThat(store.auditTrail().verify().intact()).isTrue();
      try (Connection c = TestDatabases.connect(settings); Statement s = c.createStatement()) {
        tamper.apply(s);
      }
      return store.auditTrail().verify();
    } finally {
      db.cleanUp(settings);
    }
  }

  @ParameterizedTest
  @EnumSource(StoreOnDatabase.class)
  void aChangedRowIsNamed(StoreOnDatabase db) throws Exception {
    ChainVerification v = tamperedWith(db, s -> s.executeUpdate("UPDATE kt_audit SET actor = 'nobody' WHERE seq = 4"));

    assertThat(v.intact()).isFalse();
    assertThat(v.firstBadSeq()).isEqualTo(4);
    assertThat(v.problem()).contains("entry 4 was changed");
  }

  @ParameterizedTest
  @EnumSource(StoreOnDatabase.class)
  void aRemovedRowIsNamed(StoreOnDatabase db) throws Exception {
    ChainVerification v = tamperedWith(db, s -> s.executeUpdate("DELETE FROM kt_audit WHERE seq = 2"));

    assertThat(v.firstBadSeq()).isEqualTo(3);
    assertThat(v.problem()).contains("entries 2 to 2 were removed");
  }

  @ParameterizedTest
  @EnumSource(StoreOnDatabase.class)
  void anInsertedRowIsNamed(StoreOnDatabase db) throws Exception {
    ChainVerification v = tamperedWith(db, s -> {
      s.executeUpdate("UPDATE kt_audit SET seq = seq + 100 WHERE seq >= 3");
      s.executeUpdate("INSERT INTO kt_audit (seq, at_ms, actor, action, target, details, previous_hash, hash)"
          + " SELECT 3, at_ms, actor, action, 'forged', details, hash, hash FROM kt_audit WHERE seq = 2");
      s.executeUpdate("UPDATE kt_audit SET seq = seq - 99 WHERE seq >= 103");
    });

    assertThat(v.intact()).isFalse();
    assertThat(v.firstBadSeq()).isEqualTo(3);
  }
}
