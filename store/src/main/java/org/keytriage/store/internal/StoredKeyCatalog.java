package org.keytriage.store.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyEntries;
import org.keytriage.core.errors.ErrorCode;
import org.keytriage.core.errors.KeyTriageException;
import org.keytriage.core.events.GatewayEvents;
import org.keytriage.core.keys.KeyCatalogStore;
import org.keytriage.store.SecretCipher;

/**
 * The run-time key catalogue kept in the database, its secrets encrypted, in front of the catalogue
 * every node shares (the grid's, or this JVM's): a change is written to the database first, then to
 * the shared catalogue, whose notification makes every node use it. At start the database's
 * changes are put into the shared catalogue where it does not have them yet, so a cluster whose
 * every node restarted has them all again, and a running cluster's newer ones are kept.
 */
public final class StoredKeyCatalog implements KeyCatalogStore {
  private final Jpa jpa;
  private final Optional<SecretCipher> cipher;
  private final KeyCatalogStore shared;
  private final Clock clock;

  public StoredKeyCatalog(Jpa jpa, Optional<SecretCipher> cipher, KeyCatalogStore shared, Clock clock) {
    this.jpa = jpa;
    this.cipher = cipher;
    this.shared = shared;
    this.clock = clock;
    seedShared();
  }

  private void seedShared() {
    List<KeyRow> rows = jpa.read(em -> em.createQuery("SELECT k FROM KeyRow k ORDER BY k.keyId", KeyRow.class)
        .getResultList());
    Map<String, Optional<ApiKeyConfig>> known = shared.changes();
    long live = rows.stream().filter(r -> r.retiredAtMs == null).count();
    if (live > 0 && cipher.isEmpty()) {
      throw new IllegalStateException("The store holds " + live + " key(s) added or changed at run time, with their "
          + "secrets encrypted, but this server has no master key to read them. " + MasterKeys.HOW_TO_SET);
    }
    for (KeyRow row : rows) {
      if (known.containsKey(row.keyId)) {
        continue; // the running cluster has this change, or a newer one
      }
      if (row.retiredAtMs != null) {
        shared.retire(row.keyId);
      } else {
        shared.put(KeyEntries.stored(row.config, cipher.get().decrypt(row.keyId, row.secret)));
      }
    }
  }

  @Override
  public Map<String, Optional<ApiKeyConfig>> changes() {
    return shared.changes();
  }

  @Override
  public void put(ApiKeyConfig key) {
    SecretCipher c = cipher.orElseThrow(() -> new KeyTriageException(ErrorCode.MASTER_KEY_REQUIRED,
        "Key '" + key.keyId() + "' was not stored: its secret must be encrypted at rest and this server has no "
            + "master key. " + MasterKeys.HOW_TO_SET));
    String ciphertext = c.encrypt(key.keyId(), key.apiKey());
    jpa.run(em -> {
      KeyRow row = em.find(KeyRow.class, key.keyId());
      if (row == null) {
        row = new KeyRow(key.keyId());
        em.persist(row);
      }
      row.config = KeyEntries.withoutSecret(key);
      row.secret = ciphertext;
      row.rotatedAtMs = key.rotatedAt().map(java.time.Instant::toEpochMilli).orElse(null);
      row.updatedAtMs = clock.millis();
      row.retiredAtMs = null;
    });
    shared.put(key);
  }

  @Override
  public void retire(String keyId) {
    jpa.run(em -> {
      KeyRow row = em.find(KeyRow.class, keyId);
      if (row == null) {
        row = new KeyRow(keyId); // a key of the configuration file: its retirement is what is stored
        em.persist(row);
      }
      row.secret = null; // destroyed at rest; the key's configuration stays for its history
      row.updatedAtMs = clock.millis();
      row.retiredAtMs = clock.millis();
    });
    shared.retire(keyId);
  }

  @Override
  public GatewayEvents.Subscription onChange(Runnable listener) {
    return shared.onChange(listener);
  }
}
