package org.keytriage.core.upstream.internal;

import java.util.List;
import java.util.Map;
import org.keytriage.core.upstream.BodyFacts;
import org.keytriage.core.upstream.RelayedBody;

/**
 * Estimates a request's tokens before the call, cheaply and without a tokenizer (the counting is
 * {@link RelayedBody}'s one pass over the body): prompt = for each
 * message, ceil(characters of its text / 4) + 4 (role and framing), plus ceil(characters / 4) of a
 * {@code prompt} or {@code input} field; completion = the body's {@code max_tokens} (or {@code
 * max_completion_tokens}), else the default. Four characters per token is the usual rule for
 * English text; rounding up per message keeps the estimate on the safe side of the real count,
 * which replaces it after the call. Embedding requests reserve no completion.
 */
final class TokenEstimator {

  private TokenEstimator() {}

  /** ceil(chars / 4). */
  static long tokensForChars(long chars) {
    return BodyFacts.tokensForChars(chars);
  }

  /** The estimate of a body read by {@link RelayedBody}: its prompt estimate, and its completion budget or the default. */
  static TokenEstimate estimate(RelayedBody body, long defaultCompletionTokens) {
    BodyFacts facts = body.facts();
    long completion = body.path().endsWith("/embeddings")
        ? 0
        : facts.maxTokens() > 0 ? facts.maxTokens() : defaultCompletionTokens;
    return new TokenEstimate(facts.promptTokens(), completion);
  }

  /** Characters of text in a content value: a string, or a list of parts with {@code text}. */
  static long textLength(Object content) {
    if (content instanceof String s) {
      return s.length();
    }
    long n = 0;
    if (content instanceof List<?> parts) {
      for (Object part : parts) {
        if (part instanceof String s) {
          n += s.length();
        } else if (part instanceof Map<?, ?> m && m.get("text") instanceof String text) {
          n += text.length();
        }
      }
    }
    return n;
  }
}
