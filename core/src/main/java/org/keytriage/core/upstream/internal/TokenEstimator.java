package org.keytriage.core.upstream.internal;

import java.util.List;
import java.util.Map;
import org.keytriage.spi.UpstreamRequest;

/**
 * Estimates a request's tokens before the call, cheaply and without a tokenizer: prompt = for each
 * message, ceil(characters of its text / 4) + 4 (role and framing), plus ceil(characters / 4) of a
 * {@code prompt} or {@code input} field; completion = the body's {@code max_tokens} (or {@code
 * max_completion_tokens}), else the default. Four characters per token is the usual rule for
 * English text; rounding up per message keeps the estimate on the safe side of the real count,
 * which replaces it after the call. Embedding requests reserve no completion.
 */
final class TokenEstimator {
  static final int CHARS_PER_TOKEN = 4;
  static final int TOKENS_PER_MESSAGE = 4;

  private TokenEstimator() {}

  /** ceil(chars / 4). */
  static long tokensForChars(long chars) {
    return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
  }

  static TokenEstimate estimate(UpstreamRequest request, long defaultCompletionTokens) {
    Map<String, Object> body = request.body();
    long prompt = 0;
    if (body.get("messages") instanceof List<?> list) {
      for (Object m : list) {
        long chars = m instanceof Map<?, ?> message ? textLength(message.get("content")) : 0;
        prompt += tokensForChars(chars) + TOKENS_PER_MESSAGE;
      }
    }
    prompt += tokensForChars(textLength(body.get("prompt")) + textLength(body.get("input")));
    long completion =
        request.path().endsWith("/embeddings") ? 0 : completionBudget(body, defaultCompletionTokens);
    return new TokenEstimate(prompt, completion);
  }

  private static long completionBudget(Map<String, Object> body, long defaultTokens) {
    for (String field : List.of("max_tokens", "max_completion_tokens")) {
      if (body.get(field) instanceof Number n && n.longValue() > 0) {
        return n.longValue();
      }
    }
    return defaultTokens;
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
