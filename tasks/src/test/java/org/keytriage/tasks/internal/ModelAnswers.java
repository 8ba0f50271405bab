package org.keytriage.tasks.internal;

import java.util.List;
import java.util.Map;
import org.keytriage.spi.UpstreamResponse;

/** Chat completion bodies for parsing tests. */
final class ModelAnswers {
  private ModelAnswers() {}

  /** A chat completion whose assistant content is {@code content}. */
  static UpstreamResponse of(String content) {
    return new UpstreamResponse(200, Map.of("choices",
        List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", content)))));
  }
}
