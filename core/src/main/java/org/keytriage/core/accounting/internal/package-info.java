/** Lock-free counters behind the accounting, and the in-process spend store. */
package org.keytriage.core.accounting.internal;
