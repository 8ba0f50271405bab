/**
 * One error vocabulary: {@link org.keytriage.core.errors.ErrorCode} (HTTP status, stable code,
 * title) and the exception family rooted at {@link org.keytriage.core.errors.KeyTriageException}.
 * Core throws; the edge renders each code once, in the caller's shape.
 */
package org.keytriage.core.errors;
