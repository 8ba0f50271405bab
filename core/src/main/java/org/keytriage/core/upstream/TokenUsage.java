package org.keytriage.core.upstream;

/**
 * Tokens one upstream call used.
 *
 * @param prompt prompt tokens
 * @param completion completion tokens
 * @param total what is booked: the upstream's {@code total_tokens}, else prompt + completion
 * @param counted {@code false} when the upstream reported {@code usage}; {@code true} when the
 *     gateway counted them itself: completion = ceil(characters of the assembled answer / 4),
 *     prompt = the reservation's prompt estimate (ceil(characters of message text / 4) + 4 per
 *     message)
 */
public record TokenUsage(long prompt, long completion, long total, boolean counted) {
  public static final TokenUsage NONE = new TokenUsage(0, 0, 0, false);

  public TokenUsage {
    if (prompt < 0 || completion < 0 || total < 0) {
      throw new IllegalArgumentException("token counts must be >= 0");
    }
  }
}
