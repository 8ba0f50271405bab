package org.keytriage.store;

import java.lang.System.Logger.Level;
import org.flywaydb.core.api.output.MigrateResult;
import java.time.Clock;
import java.util.Optional;
import org.keytriage.core.audit.AuditTrail;
import org.keytriage.core.integrators.IntegratorTokenStore;
import org.keytriage.core.keys.KeyCatalogStore;
import org.keytriage.core.keys.KeySwitchStore;
import org.keytriage.core.routing.StrategyChoiceStore;
import org.keytriage.core.requests.RequestLogStore;
import org.keytriage.store.internal.Jpa;
import org.keytriage.store.internal.JpaAuditTrail;
import org.keytriage.store.internal.JpaIntegratorTokens;
import org.keytriage.store.internal.JpaKeySwitches;
import org.keytriage.store.internal.JpaRequestLogStore;
import org.keytriage.store.internal.MasterKeyRotation;
import org.keytriage.store.internal.Migrations;
import org.keytriage.store.internal.StoredKeyCatalog;
import org.keytriage.store.internal.StoredStrategyChoices;

/**
 * The durable store, open: a migrated database and core's ports on it. Give its ports to {@link
 * org.keytriage.core.KeyTriage.Builder} ({@code requestLog(store.requestLog(), …)}, {@code
 * auditTrail(store.auditTrail())}); close it after the engine.
 */
public final class Store implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Store.class.getName());

  private final StoreSettings settings;
  private final Jpa jpa;
  private final RequestLogStore requestLog;
  private final AuditTrail auditTrail;
  private final IntegratorTokenStore integratorTokens;

  private Store(StoreSettings settings, Jpa jpa) {
    this.settings = settings;
    this.jpa = jpa;
    this.requestLog = new JpaRequestLogStore(jpa);
    this.auditTrail = new JpaAuditTrail(jpa);
    this.integratorTokens = new JpaIntegratorTokens(jpa, Clock.systemUTC());
  }

  /**
   * Migrates the database to the current schema and opens it.
   *
   * @throws StoreUnavailableException naming the database and what to check (never the password)
   */
  public static Store open(StoreSettings settings) {
    try {
      MigrateResult migrated = Migrations.migrate(settings);
      if (migrated.migrationsExecuted > 0) {
        LOG.log(Level.INFO, "KeyTriage store at " + settings.jdbcUrl() + ": " + migrated.migrationsExecuted
            + " migration(s) applied, schema now at version " + migrated.targetSchemaVersion);
      }
      return new Store(settings, Jpa.open(settings));
    } catch (RuntimeException e) {
      throw StoreUnavailableException.opening(settings, e);
    }
  }

  public StoreSettings settings() {
    return settings;
  }

  /** The request log and spend history. */
  public RequestLogStore requestLog() {
    return requestLog;
  }

  /**
   * The run-time key catalogue kept here, in front of {@code shared} (the catalogue every node
   * reads: the grid's in a cluster), its secrets encrypted with {@code cipher}. Without a cipher,
   * keys can be read only if none is stored, and storing one is refused with how to set a master
   * key.
   *
   * @throws IllegalStateException when stored keys cannot be decrypted (no or another master key)
   */
  public KeyCatalogStore keyCatalog(KeyCatalogStore shared, Optional<SecretCipher> cipher, Clock clock) {
    return new StoredKeyCatalog(jpa, cipher, shared, clock);
  }

  /**
   * Re-encrypts every stored secret from one master key to another, in one transaction; returns
   * how many. Run with the servers stopped, then start them with the new key.
   *
   * @throws IllegalStateException when a secret does not decrypt under {@code from}
   */
  public int reencryptSecrets(SecretCipher from, SecretCipher to) {
    return MasterKeyRotation.reencrypt(jpa, from, to);
  }

  /** Operators' key switches (on/off), applied again at start. */
  public KeySwitchStore keySwitches() {
    return new JpaKeySwitches(jpa, Clock.systemUTC());
  }

  /** Strategy choices kept here, in front of {@code shared} (the grid's in a cluster). */
  public StrategyChoiceStore strategyChoices(StrategyChoiceStore shared) {
    return new StoredStrategyChoices(jpa, shared, Clock.systemUTC());
  }

  /** Integrator tokens created at run time, shared by every node on this database. */
  public IntegratorTokenStore integratorTokens() {
    return integratorTokens;
  }

  /** The hash-chained audit trail. */
  public AuditTrail auditTrail() {
    return auditTrail;
  }

  @Override
  public void close() {
    integratorTokens.close();
    jpa.close();
  }
}
