package org.keytriage.dist.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keytriage.core.audit.AuditRecord;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.keys.KeyCatalogStore;
import org.keytriage.store.SecretCipher;
import org.keytriage.store.Store;
import org.keytriage.store.StoreSettings;

/** ./keytriage master-key and audit verify, on the embedded store of a config dir. */
class StoreToolTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    out.reset();
    err.reset();
    return StoreTool.run(List.of(args), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aMasterKeyIsWrittenForItsOwnerOnlyAndNeverOverwritten(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("master.key");

    assertThat(run("master-key", "generate", "--out", file.toString())).isZero();

    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    SecretCipher cipher = SecretCipher.fromBase64(Files.readString(file));
    assertThat(output()).contains(cipher.id()).contains("keytriage.master-key-file=");
    assertThat(run("master-key", "generate", "--out", file.toString())).isEqualTo(2);
    assertThat(output()).contains("never overwritten");
  }

  @Test
  void secretsMoveToANewMasterKeyAndTheAuditChainIsChecked(@TempDir Path dir) throws Exception {
    Path oldKey = dir.resolve("old.key");
    Path newKey = dir.resolve("new.key");
    run("master-key", "generate", "--out", oldKey.toString());
    run("master-key", "generate", "--out", newKey.toString());
    SecretCipher old = SecretCipher.fromBase64(Files.readString(oldKey));
    StoreSettings settings = StoreSettings.h2File(dir.resolve("data")); // the default under --config-dir
    try (Store store = Store.open(settings)) {
      store.keyCatalog(KeyCatalogStore.inProcess(), Optional.of(old), Clock.systemUTC())
          .put(ApiKeyConfig.builder("k1").apiKey("nvapi-store-tool-secret-0001").maxRpm(1).maxTpm(1)
              .taskTypes("medical_text_analysis").build());
      for (int i = 0; i < 3; i++) {
        store.auditTrail().append(new AuditRecord(Instant.now(), "admin", "key.changed", "k1", Map.of()));
      }
    }

    assertThat(run("master-key", "rotate", "--from-file", oldKey.toString(), "--to-file", newKey.toString(),
        "--config-dir", dir.toString())).as(output()).isZero();
    assertThat(output()).contains("1 stored secret(s) re-encrypted");
    assertThat(run("audit", "verify", "--config-dir", dir.toString())).as(output()).isZero();
    assertThat(output()).contains("intact: 3 entries");

    try (Connection c = DriverManager.getConnection(settings.jdbcUrl())) {
      c.createStatement().executeUpdate("DELETE FROM kt_audit WHERE seq = 2");
    }
    assertThat(run("audit", "verify", "--config-dir", dir.toString())).isEqualTo(1);
    assertThat(output()).contains("BROKEN at entry 3").contains("entries 2 to 2 were removed");
  }

  @Test
  void badUseSaysHow() {
    assertThat(run("audit")).isEqualTo(2);
    assertThat(output()).contains("usage: keytriage master-key generate");
    assertThat(run("master-key", "rotate", "--to-file", "x")).isEqualTo(2);
    assertThat(output()).contains("--from-file FILE is required");
    assertThat(StoreTool.environmentName("keytriage.db.password")).isEqualTo("KEYTRIAGE_DB_PASSWORD");
  }
}
