package org.keytriage.tasks.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The text a streamed chat completion chunk adds: {@code choices[0].delta.content}. Empty for the
 * role chunk, the finish chunk, the usage chunk and anything that is not such a chunk.
 */
public final class ChunkText {
  private ChunkText() {}

  public static Optional<String> of(String chunkJson) {
    Object chunk;
    try {
      chunk = JsonParser.parse(chunkJson);
    } catch (JsonSyntaxException e) {
      return Optional.empty();
    }
    if (chunk instanceof Map<?, ?> m
        && m.get("choices") instanceof List<?> choices
        && !choices.isEmpty()
        && choices.get(0) instanceof Map<?, ?> choice
        && choice.get("delta") instanceof Map<?, ?> delta
        && delta.get("content") instanceof String text
        && !text.isEmpty()) {
      return Optional.of(text);
    }
    return Optional.empty();
  }
}
