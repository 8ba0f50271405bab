/** The in-process audit trail and the writer that takes events off the request path. */
package org.keytriage.core.audit.internal;
