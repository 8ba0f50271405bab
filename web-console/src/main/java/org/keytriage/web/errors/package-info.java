/**
 * Error answers. Every error is a JSON body, never an HTML page or a stack trace: on the
 * OpenAI-compatible paths ({@code /v1/…}) in OpenAI's shape {@code {"error":{"message","type",
 * "code"}}} so SDKs raise their usual exceptions; everywhere else as RFC 9457 problem details
 * ({@code application/problem+json}: type, title, status, detail, instance). The engine's failures
 * ({@link org.keytriage.core.errors.KeyTriageException}, one {@link
 * org.keytriage.core.errors.ErrorCode} each) are rendered by one mapper; the edge's own HTTP errors
 * ({@link org.keytriage.web.errors.ApiException}: authentication, scope, malformed bodies) by
 * another; all render through {@link org.keytriage.web.errors.ErrorResponses}.
 */
package org.keytriage.web.errors;
