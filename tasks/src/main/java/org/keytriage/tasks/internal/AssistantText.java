package org.keytriage.tasks.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The assistant's text in an OpenAI-style chat completion body: {@code
 * choices[0].message.content}, either a string or a list of parts whose {@code text}s are joined.
 * Empty when the body has no such content (no choices, a refusal, a tool call).
 */
final class AssistantText {
  private AssistantText() {}

  static Optional<String> of(Map<String, Object> body) {
    if (body == null
        || !(body.get("choices") instanceof List<?> choices)
        || choices.isEmpty()
        || !(choices.get(0) instanceof Map<?, ?> choice)
        || !(choice.get("message") instanceof Map<?, ?> message)) {
      return Optional.empty();
    }
    Object content = message.get("content");
    if (content instanceof String s) {
      return Optional.of(s);
    }
    if (content instanceof List<?> parts) {
      StringBuilder text = new StringBuilder();
      for (Object part : parts) {
        if (part instanceof Map<?, ?> p && p.get("text") instanceof String t) {
          text.append(t);
        } else if (part instanceof String t) {
          text.append(t);
        }
      }
      return Optional.of(text.toString());
    }
    return Optional.empty();
  }
}
