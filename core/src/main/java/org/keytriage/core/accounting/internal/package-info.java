/** Lock-free counters behind the accounting. */
package org.keytriage.core.accounting.internal;
