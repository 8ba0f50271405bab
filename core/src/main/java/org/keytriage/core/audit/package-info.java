/**
 * The audit trail: who did what to the gateway and when (operators' changes, key penalties,
 * configuration loads, failed logins), each entry hash-chained to the one before so that a
 * changed, inserted or removed entry is found by {@link org.keytriage.core.audit.AuditChain#verify}.
 * The trail itself is a port: in process here, durable in the store module.
 */
package org.keytriage.core.audit;
