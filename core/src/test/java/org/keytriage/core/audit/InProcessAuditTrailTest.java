package org.keytriage.core.audit;

class InProcessAuditTrailTest extends AuditTrailContract {
  @Override
  protected AuditTrail open() {
    return AuditTrail.inProcess();
  }
}
