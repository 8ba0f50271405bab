/**
 * The request log and spend history: one row per client request (metadata only, never a prompt or
 * an answer), written off the request path by {@link org.keytriage.core.requests.RequestLog}, and
 * its hourly roll-ups for chargeback and for budgets that survive a restart. The stores are ports:
 * in process here, durable in the store module.
 */
package org.keytriage.core.requests;
