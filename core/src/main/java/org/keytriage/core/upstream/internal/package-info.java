/**
 * The gateway's implementation: the failover loop ({@link
 * org.keytriage.core.upstream.internal.FailoverLoop}), one class per kind of upstream call
 * (non-streaming, streaming), the HTTP client wrapper, the SSE relay, token estimation and the
 * small parsers they need. Nothing here is API.
 */
package org.keytriage.core.upstream.internal;
