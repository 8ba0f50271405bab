/**
 * The gateway's implementation: the failover loop ({@link
 * org.keytriage.core.upstream.internal.FailoverLoop}), one class per kind of upstream call
 * (non-streaming, streaming), both on the calling thread, the HTTP transports (Apache HttpClient 5
 * by default, the JDK's for HTTP/2; one contract for both) with the watchdog that bounds an
 * attempt, the byte-level SSE relay, the one-pass scanners of answers and chunks, and token
 * estimation. Nothing here is API.
 */
package org.keytriage.core.upstream.internal;
