package org.keytriage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keytriage.core.events.Origin;
import org.keytriage.core.requests.RequestQuery;
import org.keytriage.core.requests.RequestRecord;

/** Opening the store: the embedded default keeps rows across opens, bad settings say what to fix. */
class StoreOpeningTest {

  @Test
  void theEmbeddedFileDatabaseKeepsRowsAcrossOpens(@TempDir Path dir) {
    RequestRecord row = new RequestRecord("r-1", java.time.Instant.parse("2026-12-02T10:00:00Z"), "ehr", Origin.OPENAI,
        "medical_text_analysis", "k1", 1, 10, 5, 0.5, 12, RequestRecord.OK);
    try (Store store = Store.open(StoreSettings.h2File(dir))) {
      store.requestLog().append(List.of(row));
    }
    try (Store again = Store.open(StoreSettings.h2File(dir))) {
      assertThat(again.requestLog().find(RequestQuery.all()).rows()).containsExactly(row);
    }
    assertThat(dir.resolve("keytriage.mv.db")).exists();
  }

  @Test
  void migrationsRunOnceAndAreRecorded() throws Exception {
    StoreSettings settings = StoreOnDatabase.POSTGRES.settings();
    try {
      Store.open(settings).close();
      Store.open(settings).close();
      try (Connection c = TestDatabases.connect(settings);
          ResultSet rs = c.createStatement().executeQuery(
              "SELECT version, success FROM kt_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
        java.util.List<String> applied = new java.util.ArrayList<>();
        while (rs.next()) {
          assertThat(rs.getBoolean(2)).isTrue();
          applied.add(rs.getString(1));
        }
        assertThat(applied).containsExactly("1", "2", "3", "4", "5");
      }
    } finally {
      StoreOnDatabase.POSTGRES.cleanUp(settings);
    }
  }

  @Test
  void anUnreachableDatabaseIsNamedWithTheFixAndNeverThePassword() {
    StoreSettings settings = StoreSettings.builder("jdbc:postgresql://127.0.0.1:1/keytriage")
        .user("keytriage").password("s3cret-db-password").build();

    assertThatThrownBy(() -> Store.open(settings))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/keytriage")
        .hasMessageContaining("Check that PostgreSQL runs")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret-db-password"));
  }

  @Test
  void aDatabaseThatGoesAwayIsA503WithRetryAfterNotAFailureOfItsOwn() throws Exception {
    StoreSettings settings = TestDatabases.h2();
    try (Store store = Store.open(settings)) {
      try (Connection c = java.sql.DriverManager.getConnection(settings.jdbcUrl())) {
        c.createStatement().execute("SHUTDOWN"); // the database is gone
      }

      assertThatThrownBy(() -> store.requestLog().find(RequestQuery.all()))
          .isInstanceOfSatisfying(StoreUnavailableException.class, e -> {
            assertThat(e.code()).isEqualTo(org.keytriage.core.errors.ErrorCode.STORE_UNAVAILABLE);
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.retryAfter()).contains(java.time.Duration.ofSeconds(5));
          })
          .hasMessageContaining("did not answer");
      assertThatThrownBy(() -> store.integratorTokens().revoke("nope", java.time.Instant.now()))
          .isInstanceOf(StoreUnavailableException.class);
    }
  }

  @Test
  void settingsRefuseWhatCannotWork() {
    assertThatThrownBy(() -> StoreSettings.builder("jdbc:mysql://db/kt").build())
        .hasMessageContaining("keytriage.db.url must be an H2");
    assertThatThrownBy(() -> StoreSettings.builder("jdbc:h2:mem:x").schema("a;drop").build())
        .hasMessageContaining("keytriage.db.schema");
    assertThat(StoreSettings.builder("jdbc:h2:mem:x").password("s3cret-pw").build().toString())
        .contains("password=***").doesNotContain("s3cret-pw");
  }
}
