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

  /** The chunk's top-level id, model and created; the first non-null of each is kept. */
  void header(Object chunkId, Object chunkModel, Object chunkCreated) {
    if (id == null) {
      id = chunkId;
    }
    if (model == null) {
      model = chunkModel;
    }
    if (created == null) {
      created = chunkCreated;
    }
  }

  /** The usage a chunk reported; the last one wins. */
  void usage(TokenUsage reported) {
    usage = reported;
  }

  /**
   * One choice of a chunk: its text piece ({@code delta.content}, or {@code text} on the
   * completions endpoint), null when it has none, and its finish reason, null when not finished.
   */
  void choice(int index, String piece, Object finish) {
    StringBuilder text = content.computeIfAbsent(index, i -> new StringBuilder());
    if (piece != null) {
      text.append(piece);
      contentChars += piece.length();
    }
    if (finish != null) {
      finishReasons.put(index, finish);
    }
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
