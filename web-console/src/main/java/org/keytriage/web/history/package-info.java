/**
 * What the store keeps, for operators: the request log ({@code /api/v1/requests}), spend history
 * for chargeback ({@code /api/v1/spend}) and the audit trail with its chain check ({@code
 * /api/v1/audit}). JSON by default, CSV with {@code format=csv}.
 */
package org.keytriage.web.history;
