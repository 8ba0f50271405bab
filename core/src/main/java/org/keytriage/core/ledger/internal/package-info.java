/** Ledger backends shipped with the core: the in-process one. Use {@link org.keytriage.core.ledger.UsageLedgers}. */
package org.keytriage.core.ledger.internal;
