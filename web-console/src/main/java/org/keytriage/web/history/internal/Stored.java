package org.keytriage.web.history.internal;

import org.keytriage.core.KeyTriage;
import org.keytriage.core.audit.AuditLog;
import org.keytriage.core.audit.AuditTrail;
import org.keytriage.core.requests.RequestLog;
import org.keytriage.core.requests.RequestLogStore;
import org.keytriage.web.errors.ApiException;

/** The engine's stores, or the 404 that says the store is switched off. */
public final class Stored {
  private Stored() {}

  public static RequestLogStore requestLog(KeyTriage keyTriage) {
    return keyTriage.requestLog().map(RequestLog::store).orElseThrow(Stored::off);
  }

  public static AuditTrail audit(KeyTriage keyTriage) {
    return keyTriage.audit().map(AuditLog::trail).orElseThrow(Stored::off);
  }

  private static ApiException off() {
    return ApiException.notFound("store_disabled", "Nothing is stored",
        "This KeyTriage keeps no request log, spend history or audit trail: keytriage.db.enabled is false. "
            + "Remove that setting (the default is an embedded database) or set keytriage.db.url.");
  }
}
