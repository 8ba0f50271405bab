package org.keytriage.simulator.internal;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * The simulator's token arithmetic: simple, documented and deterministic, so tests can predict
 * every number.
 *
 * <ul>
 *   <li>Text: {@code ceil(code points / 4)} tokens.
 *   <li>A message: {@value #PER_MESSAGE} tokens of overhead plus its content, where content is a
 *       string, or an array of parts in which a {@code {"type":"text","text":...}} part counts as
 *       text, an {@code image_url} (or {@code image}) part counts {@value #IMAGE_PART} tokens, and
 *       other parts count nothing; null or missing content counts nothing.
 *   <li>prompt_tokens: the sum over the messages.
 *   <li>completion_tokens: {@code min(max_tokens, 16 + prompt_tokens % 48)}, with max_tokens
 *       {@value #DEFAULT_MAX_TOKENS} when the request gives none.
 *   <li>Evo2: the input sequence's length plus num_tokens.
 * </ul>
 */
public final class TokenCounter {
  public static final int PER_MESSAGE = 4;
  public static final int IMAGE_PART = 85;
  public static final int DEFAULT_MAX_TOKENS = 256;

  private TokenCounter() {}

  public static long textTokens(String text) {
    long codePoints = text.codePointCount(0, text.length());
    return (codePoints + 3) / 4;
  }

  public static long promptTokens(List<JsonObject> messages) {
    long total = 0;
    for (JsonObject message : messages) {
      total += messageTokens(message);
    }
    return total;
  }

  public static long messageTokens(JsonObject message) {
    long tokens = PER_MESSAGE;
    JsonValue content = message.get("content");
    if (content == null) {
      return tokens;
    }
    switch (content.getValueType()) {
      case STRING -> tokens += textTokens(message.getString("content"));
      case ARRAY -> {
        for (JsonValue part : content.asJsonArray()) {
          tokens += partTokens(part);
        }
      }
      default -> {}
    }
    return tokens;
  }

  /**
   * @param maxTokens the request's max_tokens, or null if it gave none
   */
  public static long completionTokens(long promptTokens, Long maxTokens) {
    long natural = 16 + promptTokens % 48;
    long cap = maxTokens == null ? DEFAULT_MAX_TOKENS : maxTokens;
    return Math.min(cap, natural);
  }

  public static long evo2Tokens(String sequence, long numTokens) {
    return sequence.length() + numTokens;
  }

  private static long partTokens(JsonValue part) {
    if (part.getValueType() == JsonValue.ValueType.STRING) {
      return textTokens(((jakarta.json.JsonString) part).getString());
    }
    if (part.getValueType() != JsonValue.ValueType.OBJECT) {
      return 0;
    }
    JsonObject object = part.asJsonObject();
    String type = object.getString("type", "");
    if ("image_url".equals(type) || "image".equals(type)) {
      return IMAGE_PART;
    }
    return object.get("text") instanceof jakarta.json.JsonString text
        ? textTokens(text.getString())
        : 0;
  }
}
