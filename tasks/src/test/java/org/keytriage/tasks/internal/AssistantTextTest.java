package org.keytriage.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssistantTextTest {
  @Test
  void contentStringOrTextParts() {
    assertThat(AssistantText.of(body(Map.of("content", "hi")))).contains("hi");
    assertThat(AssistantText.of(body(Map.of("content",
        List.of(Map.of("type", "text", "text", "a"), Map.of("type", "image_url"), "b")))))
        .contains("ab");
  }

  @Test
  void missingPiecesGiveNothing() {
    assertThat(AssistantText.of(null)).isEmpty();
    assertThat(AssistantText.of(Map.of())).isEmpty();
    assertThat(AssistantText.of(Map.of("choices", List.of()))).isEmpty();
    assertThat(AssistantText.of(Map.of("choices", List.of("x")))).isEmpty();
    assertThat(AssistantText.of(body(Map.of()))).isEmpty();
    assertThat(AssistantText.of(body(Map.of("content", 5)))).isEmpty();
  }

  private static Map<String, Object> body(Map<String, Object> message) {
    return Map.of("choices", List.of(Map.of("message", message)));
  }
}
