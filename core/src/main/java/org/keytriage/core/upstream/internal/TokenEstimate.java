package org.keytriage.core.upstream.internal;

/**
 * Tokens reserved before a call.
 *
 * @param prompt estimated prompt tokens
 * @param completion the completion budget ({@code max_tokens} or the default)
 */
record TokenEstimate(long prompt, long completion) {
  long total() {
    return prompt + completion;
  }
}
