/** One exception mapper per exception type, each rendering through {@link org.keytriage.web.errors.ErrorResponses}. */
package org.keytriage.web.errors.internal;
