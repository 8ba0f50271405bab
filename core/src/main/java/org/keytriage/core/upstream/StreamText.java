package org.keytriage.core.upstream;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keytriage.core.json.JsonTrees;

/**
 * The text a streamed chat completion chunk adds: {@code choices[0].delta.content}. Empty for the
 * role chunk, the finish chunk, the usage chunk and anything that is not such a chunk.
 */
public final class StreamText {
  private StreamText() {}

  public static Optional<String> of(String chunkJson) {
    Optional<Map<String, Object>> chunk = JsonTrees.parseObject(chunkJson);
    if (chunk.isPresent()
        && chunk.get().get("choices") instanceof List<?> choices
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
