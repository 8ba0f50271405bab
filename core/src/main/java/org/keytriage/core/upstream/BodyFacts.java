package org.keytriage.core.upstream;

/**
 * What a request body says, as far as routing needs to know: read by {@link RelayedBody} in one
 * pass, without building a tree.
 *
 * @param model the {@code model} string; null when absent or not a string
 * @param messages how many elements {@code messages} has; -1 when it is absent or not an array
 * @param stream the {@code stream} flag; null when absent, {@code null}, or not a boolean
 * @param streamNotBoolean whether {@code stream} is there with a value other than a boolean or null
 * @param promptTokens the prompt's estimated tokens: per message ceil(characters of its text / 4)
 *     + 4, plus ceil(characters of a {@code prompt} or {@code input} / 4)
 * @param maxTokens {@code max_tokens}, else {@code max_completion_tokens}, when a positive integer; 0
 *     when neither is given
 * @param hasStreamOptions whether {@code stream_options} is there (not null)
 * @param includeUsage whether {@code stream_options.include_usage} is {@code true}
 * @param topLevelNull whether any top-level field is {@code null}
 * @param openingBrace the offset of the body's opening brace
 */
public record BodyFacts(
    String model,
    int messages,
    Boolean stream,
    boolean streamNotBoolean,
    long promptTokens,
    long maxTokens,
    boolean hasStreamOptions,
    boolean includeUsage,
    boolean topLevelNull,
    int openingBrace) {

  /** Characters per token of the estimate: the usual rule for English text. */
  public static final int CHARS_PER_TOKEN = 4;

  /** Tokens each message adds for its role and framing. */
  public static final int TOKENS_PER_MESSAGE = 4;

  /** ceil(chars / 4): rounding up keeps the estimate on the safe side of the real count. */
  public static long tokensForChars(long chars) {
    return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
  }

  /** Whether the body asks for a stream. */
  public boolean streaming() {
    return Boolean.TRUE.equals(stream);
  }
}
