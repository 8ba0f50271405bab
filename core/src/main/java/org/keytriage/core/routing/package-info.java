/**
 * Choosing a key: candidates for the task type (usable keys specialised for it first, backups
 * after), ordered by the task type's {@link org.keytriage.spi.BalancingStrategy}, then the first
 * that the usage ledger admits gets the request as an {@link org.keytriage.core.routing.Allocation}
 * the caller completes exactly once.
 *
 * <p>Whether a key is "under its limits" is decided by the ledger's atomic reservation alone, not
 * by a pre-check of usage: a pre-check would race with other callers and add a second read per key
 * without making any decision safer.
 */
package org.keytriage.core.routing;
