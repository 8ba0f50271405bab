package org.keytriage.store;

import org.keytriage.core.audit.AuditTrail;
import org.keytriage.core.audit.AuditTrailContract;

/** The audit trail contract on Postgres, from an empty database migrated by the store. */
class PostgresAuditTrailTest extends AuditTrailContract {
  private StoreSettings settings;
  private Store opened;

  @Override
  protected AuditTrail open() {
    settings = StoreOnDatabase.POSTGRES.settings();
    opened = Store.open(settings);
    return opened.auditTrail();
  }

  @Override
  protected void afterClose() {
    opened.close();
    StoreOnDatabase.POSTGRES.cleanUp(settings);
  }
}
