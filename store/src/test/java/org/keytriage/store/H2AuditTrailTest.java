package org.keytriage.store;

import org.keytriage.core.audit.AuditTrail;
import org.keytriage.core.audit.AuditTrailContract;

/** The audit trail contract on H2, from an empty database migrated by the store. */
class H2AuditTrailTest extends AuditTrailContract {
  private StoreSettings settings;
  private Store opened;

  @Override
  protected AuditTrail open() {
    settings = StoreOnDatabase.H2.settings();
    opened = Store.open(settings);
    return opened.auditTrail();
  }

  @Override
  protected void afterClose() {
    opened.close();
    StoreOnDatabase.H2.cleanUp(settings);
  }
}
