package org.keytriage.tasks.internal;

import java.util.Map;
import java.util.Optional;
import org.keytriage.spi.JsonCodec;

/**
 * Finds the JSON object in a model's answer. Models asked for "JSON only" still often wrap it in a
 * Markdown fence ({@code ```json ... ```}) or put a sentence before it, so: the answer with any
 * fence removed is parsed first; if that is not an object, the span from the first {@code '{'} to
 * the last {@code '}'} is tried. The parsing itself stays strict (the handler's {@link JsonCodec}).
 */
final class ModelJson {
  private ModelJson() {}

  /** The answer's JSON object, or empty when it holds none. */
  @SuppressWarnings("unchecked")
  static Optional<Map<String, Object>> object(JsonCodec json, String answer) {
    if (answer == null) {
      return Optional.empty();
    }
    String text = stripFence(answer);
    Optional<Object> whole = tryParse(json, text);
    if (whole.isPresent()) {
      // valid JSON of another kind (an array, a string) is an answer of the wrong shape, not one
      // wrapped in prose: nothing to dig out
      return whole.get() instanceof Map<?, ?> m
          ? Optional.of((Map<String, Object>) m)
          : Optional.empty();
    }
    int open = text.indexOf('{');
    int close = text.lastIndexOf('}');
    if (open < 0 || close <= open || (open == 0 && close == text.length() - 1)) {
      return Optional.empty();
    }
    Optional<Object> inner = tryParse(json, text.substring(open, close + 1));
    return inner.isPresent() && inner.get() instanceof Map<?, ?> m
        ? Optional.of((Map<String, Object>) m)
        : Optional.empty();
  }

  /**
   * The text inside a Markdown code fence when the trimmed answer starts with one (any info string,
   * e.g. {@code json}); the closing fence may be missing when the answer was cut off.
   */
  static String stripFence(String answer) {
    String text = answer.strip();
    if (!text.startsWith("```")) {
      return text;
    }
    int firstLineEnd = text.indexOf('\n');
    if (firstLineEnd < 0) {
      return "";
    }
    String body = text.substring(firstLineEnd + 1);
    int closing = body.lastIndexOf("```");
    if (closing >= 0) {
      body = body.substring(0, closing);
    }
    return body.strip();
  }

  private static Optional<Object> tryParse(JsonCodec json, String text) {
    try {
      return Optional.ofNullable(json.parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
