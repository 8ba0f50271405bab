/**
 * The operators' API under {@code /api/v1}: keys (masked secrets, limits, live usage, state) and
 * switching them, the guide's metrics, health and optimisation reports, the balancing strategies
 * and which task type uses which. Reading needs role {@code ops} or {@code admin}; changing needs
 * {@code admin}. Errors are RFC 9457 problem details.
 */
package org.keytriage.web.ops;
