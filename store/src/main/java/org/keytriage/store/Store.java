package org.keytriage.store;

import java.lang.System.Logger.Level;
import org.flywaydb.core.api.output.MigrateResult;
import org.keytriage.core.audit.AuditTrail;
import org.keytriage.core.requests.RequestLogStore;
import org.keytriage.store.internal.Jpa;
import org.keytriage.store.internal.JpaAuditTrail;
import org.keytriage.store.internal.JpaRequestLogStore;
import org.keytriage.store.internal.Migrations;

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

  private Store(StoreSettings settings, Jpa jpa) {
    this.settings = settings;
    this.jpa = jpa;
    this.requestLog = new JpaRequestLogStore(jpa);
    this.auditTrail = new JpaAuditTrail(jpa);
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

  /** The hash-chained audit trail. */
  public AuditTrail auditTrail() {
    return auditTrail;
  }

  @Override
  public void close() {
    jpa.close();
  }
}
