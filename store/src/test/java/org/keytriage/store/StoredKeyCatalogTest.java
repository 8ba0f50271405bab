package org.keytriage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.errors.ErrorCode;
import org.keytriage.core.errors.KeyTriageException;
import org.keytriage.core.keys.KeyCatalogStore;

/** The key catalogue in the database: secrets encrypted, everything back after a restart. */
class StoredKeyCatalogTest {
  private static final String SECRET = "nvapi-stored-catalogue-secret-7f3a";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
  private final SecretCipher cipher = SecretCipher.fromBase64(SecretCipher.generate());
  private StoreOnDatabase db;
  private StoreSettings settings;

  @AfterEach
  void drop() {
    if (db != null) {
      db.cleanUp(settings);
    }
  }

  private Store open(StoreOnDatabase which) {
    if (db == null) {
      db = which;
      settings = which.settings();
    }
    return Store.open(settings);
  }

  private static ApiKeyConfig key(String id, String secret) {
    return ApiKeyConfig.builder(id).apiKey(secret).maxRpm(60).maxTpm(6000).priority(2)
        .taskTypes("medical_text_analysis").costPerToken(0.0001).rotatedAt(Instant.parse("2026-11-30T08:00:00Z"))
        .build();
  }

  @ParameterizedTest
  @EnumSource(StoreOnDatabase.class)
  void aStoredKeyComesBackAfterARestartAndItsSecretIsNeverInClear(StoreOnDatabase which) throws Exception {
    try (Store store = open(which)) {
      store.keyCatalog(KeyCatalogStore.inProcess(), Optional.of(cipher), CLOCK).put(key("added", SECRET));
    }
    try (Connection c = TestDatabases.connect(settings);
        ResultSet rs = c.createStatement().executeQuery("SELECT config, secret FROM kt_key")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).contains("\"max_rpm\":60").doesNotContain(SECRET);
      assertThat(rs.getString(2)).startsWith("v1:").doesNotContain(SECRET);
    }

    try (Store again = open(which)) {
      KeyCatalogStore restarted = again.keyCatalog(KeyCatalogStore.inProcess(), Optional.of(cipher), CLOCK);
      ApiKeyConfig back = restarted.changes().get("added").orElseThrow();
      assertThat(back.apiKey().reveal()).isEqualTo(SECRET);
      assertThat(back.maxTpm()).isEqualTo(6000);
      assertThat(back.rotatedAt()).contains(Instant.parse("2026-11-30T08:00:00Z"));
    }
  }

  @ParameterizedTest
  @EnumSource(StoreOnDatabase.class)
  void aRetiredKeyStaysRetiredAndItsSecretIsDestroyedAtRest(StoreOnDatabase which) throws Exception {
    try (Store store = open(which)) {
      KeyCatalogStore catalog = store.keyCatalog(KeyCatalogStore.inProcess(), Optional.of(cipher), CLOCK);
      catalog.put(key("short_lived", SECRET));
      catalog.retire("short_lived");
      catalog.retire("from_the_file");
    }
    try (Connection c = TestDatabases.connect(settings);
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT key_id, secret, retired_at_ms FROM kt_key ORDER BY key_id")) {
      while (rs.next()) {
        assertThat(rs.getString(2)).as(rs.getString(1)).isNull();
        assertThat(rs.getLong(3)).isEqualTo(CLOCK.millis());
      }
    }
    try (Store again = open(which)) {
      KeyCatalogStore restarted = again.keyCatalog(KeyCatalogStore.inProcess(), Optional.empty(), CLOCK);
      assertThat(restarted.changes()).containsEntry("short_lived", Optional.empty())
          .containsEntry("from_the_file", Optional.empty());
    }
  }

  @ParameterizedTest
  @EnumSource(StoreOnDatabase.class)
  void withoutAMasterKeyNothingSecretIsStoredOrRead(StoreOnDatabase which) {
    try (Store store = open(which)) {
      KeyCatalogStore catalog = store.keyCatalog(KeyCatalogStore.inProcess(), Optional.empty(), CLOCK);
      assertThatThrownBy(() -> catalog.put(key("needs_a_master_key", SECRET)))
          .isInstanceOfSatisfying(KeyTriageException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.MASTER_KEY_REQUIRED))
          .hasMessageContaining("master-key generate").hasMessageContaining("keytriage.master-key-file");
      store.keyCatalog(KeyCatalogStore.inProcess(), Optional.of(cipher), CLOCK).put(key("stored", SECRET));
    }
    try (Store again = open(which)) {
      assertThatThrownBy(() -> again.keyCatalog(KeyCatalogStore.inProcess(), Optional.empty(), CLOCK))
          .hasMessageContaining("1 key(s)").hasMessageContaining("no master key");
      SecretCipher other = SecretCipher.fromBase64(SecretCipher.generate());
      assertThatThrownBy(() -> again.keyCatalog(KeyCatalogStore.inProcess(), Optional.of(other), CLOCK))
          .hasMessageContaining(cipher.id()).hasMessageContaining(other.id());
    }
  }

  @ParameterizedTest
  @EnumSource(StoreOnDatabase.class)
  void secretsAreReEncryptedUnderANewMasterKey(StoreOnDatabase which) {
    SecretCipher next = SecretCipher.fromBase64(SecretCipher.generate());
    try (Store store = open(which)) {
      store.keyCatalog(KeyCatalogStore.inProcess(), Optional.of(cipher), CLOCK).put(key("k1", SECRET));
      store.keyCatalog(KeyCatalogStore.inProcess(), Optional.of(cipher), CLOCK).put(key("k2", SECRET + "-2"));
      assertThat(store.reencryptSecrets(cipher, next)).isEqualTo(2);
    }
    try (Store again = open(which)) {
      KeyCatalogStore catalog = again.keyCatalog(KeyCatalogStore.inProcess(), Optional.of(next), CLOCK);
      assertThat(catalog.changes().get("k2").orElseThrow().apiKey().reveal()).isEqualTo(SECRET + "-2");
    }
  }

  @ParameterizedTest
  @EnumSource(StoreOnDatabase.class)
  void aRunningClustersNewerChangeIsNotOverwrittenAtStart(StoreOnDatabase which) {
    KeyCatalogStore grid = KeyCatalogStore.inProcess();
    try (Store store = open(which)) {
      store.keyCatalog(KeyCatalogStore.inProcess(), Optional.of(cipher), CLOCK).put(key("k1", SECRET));
      grid.put(key("k1", SECRET).toBuilder().maxRpm(99).build()); // another node's change, newer
      store.keyCatalog(grid, Optional.of(cipher), CLOCK);
    }
    assertThat(grid.changes().get("k1").orElseThrow().maxRpm()).isEqualTo(99);
  }
}
