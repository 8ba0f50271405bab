package org.keytriage.core.upstream;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keytriage.core.json.JsonTrees;

/**
 * The text a streamed chat completion chunk adds: {@code choices[0].delta.content}. Empty for the
 * role chunk, the finish chunk, the usage chunk and anything that is not such a chunk (not JSON
 * included), so a {@link StreamListener} can hand on the words as they arrive.
 */
public final class StreamText {
  private StreamText() {}

  /** The chunk's new text; empty when it adds none. */
  public static Optional<String> of(String chunkJson) {
    if (JsonTrees.parseObject(chunkJson).orElse(Map.of()).get("choices") instanceof List<?> choices
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
