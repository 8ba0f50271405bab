package org.keytriage.core.upstream.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keytriage.core.upstream.TokenUsage;

/** Reads token counts and answer text from OpenAI-shaped bodies and chunks. */
final class UsageReader {
  private UsageReader() {}

  /** Usage from the three counts, each -1 when not given; empty when none is. */
  static Optional<TokenUsage> of(long prompt, long completion, long total) {
    if (prompt < 0 && completion < 0 && total < 0) {
      return Optional.empty();
    }
    prompt = Math.max(0, prompt);
    completion = Math.max(0, completion);
    if (total < 0) {
      total = prompt + completion;
    }
    return Optional.of(new TokenUsage(prompt, completion, total, false));
  }

  /** Counts tokens the way the class comment of {@link TokenUsage} says, for an answer without usage. */
  static TokenUsage counted(long promptEstimate, long answerChars) {
    long completion = TokenEstimator.tokensForChars(answerChars);
    return new TokenUsage(promptEstimate, completion, promptEstimate + completion, true);
  }

  /** Characters of answer text in a non-streaming body: {@code choices[].message.content} or {@code text}. */
  static long answerChars(Map<String, Object> body) {
    long n = 0;
    if (body.get("choices") instanceof List<?> choices) {
      for (Object c : choices) {
        if (c instanceof Map<?, ?> choice) {
          if (choice.get("message") instanceof Map<?, ?> m) {
            n += TokenEstimator.textLength(m.get("content"));
          }
          n += TokenEstimator.textLength(choice.get("text"));
        }
      }
    }
    return n;
  }

}
