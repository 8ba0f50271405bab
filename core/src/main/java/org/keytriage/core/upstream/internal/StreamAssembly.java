package org.keytriage.core.upstream.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.keytriage.core.upstream.TokenUsage;

/**
 * Builds, from a stream's chunks, the equivalent non-streaming chat completion (id, model, one
 * message per choice index with the concatenated {@code delta.content}, finish reasons, usage) and
 * keeps the character count the token counting rule needs. Its numbers are {@code BigDecimal}s,
 * like a parsed body's, so a handler reads a streamed answer as it reads any other.
 */
final class StreamAssembly {
  private Object id;
  private Object model;
  private Object created;
  private final Map<Integer, StringBuilder> content = new TreeMap<>();
  private final Map<Integer, Object> finishReasons = new TreeMap<>();
  private TokenUsage usage;
  private long contentChars;

  void add(Map<String, Object> chunk) {
    if (id == null) {
      id = chunk.get("id");
    }
    if (model == null) {
      model = chunk.get("model");
    }
    if (created == null) {
      created = chunk.get("created");
    }
    UsageReader.usage(chunk.get("usage")).ifPresent(u -> usage = u);
    if (!(chunk.get("choices") instanceof List<?> choices)) {
      return;
    }
    for (Object c : choices) {
      if (!(c instanceof Map<?, ?> choice)) {
        continue;
      }
      int index = choice.get("index") instanceof Number n ? n.intValue() : 0;
      StringBuilder text = content.computeIfAbsent(index, i -> new StringBuilder());
      String piece = null;
      if (choice.get("delta") instanceof Map<?, ?> delta && delta.get("content") instanceof String s) {
        piece = s;
      } else if (choice.get("text") instanceof String s) {
        piece = s; // the completions endpoint streams text, not deltas
      }
      if (piece != null) {
        text.append(piece);
        contentChars += piece.length();
      }
      Object finish = choice.get("finish_reason");
      if (finish != null) {
        finishReasons.put(index, finish);
      }
    }
  }

  /** Whether the chunk only carries usage: the one the gateway asked for with include_usage. */
  static boolean usageOnly(Map<String, Object> chunk) {
    Object choices = chunk.get("choices");
    boolean noChoices = choices == null || (choices instanceof List<?> l && l.isEmpty());
    return noChoices && chunk.get("usage") instanceof Map;
  }

  Optional<TokenUsage> reportedUsage() {
    return Optional.ofNullable(usage);
  }

  long contentChars() {
    return contentChars;
  }

  /** The reported usage, else the counted one. */
  TokenUsage tokens(long promptEstimate) {
    return usage != null ? usage : UsageReader.counted(promptEstimate, contentChars);
  }

  Map<String, Object> body(TokenUsage tokens) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (id != null) {
      body.put("id", id);
    }
    body.put("object", "chat.completion");
    if (created != null) {
      body.put("created", created);
    }
    if (model != null) {
      body.put("model", model);
    }
    List<Object> choices = new ArrayList<>();
    content.forEach(
        (index, text) -> {
          Map<String, Object> message = new LinkedHashMap<>();
          message.put("role", "assistant");
          message.put("content", text.toString());
          Map<String, Object> choice = new LinkedHashMap<>();
          choice.put("index", BigDecimal.valueOf(index));
          choice.put("message", message);
          choice.put("finish_reason", finishReasons.get(index));
          choices.add(choice);
        });
    body.put("choices", choices);
    Map<String, Object> u = new LinkedHashMap<>();
    u.put("prompt_tokens", BigDecimal.valueOf(tokens.prompt()));
    u.put("completion_tokens", BigDecimal.valueOf(tokens.completion()));
    u.put("total_tokens", BigDecimal.valueOf(tokens.total()));
    body.put("usage", u);
    return body;
  }
}
