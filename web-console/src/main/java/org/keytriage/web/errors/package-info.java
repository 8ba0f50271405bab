/**
 * Error answers. Every error is a JSON body, never an HTML page or a stack trace: on the
 * OpenAI-compatible paths ({@code /v1/…}) in OpenAI's shape {@code {"error":{"message","type",
 * "code"}}} so SDKs raise their usual exceptions; everywhere else as RFC 9457 problem details
 * ({@code application/problem+json}: type, title, status, detail, instance). One exception mapper
 * per exception type lives in {@code internal}; all render through {@link
 * org.keytriage.web.errors.ErrorResponses}.
 */
package org.keytriage.web.errors;
