package org.keytriage.web.openai.internal;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.UpstreamRequest;
import org.keytriage.web.errors.ApiException;
import org.keytriage.web.json.JsonText;

/**
 * An OpenAI chat completion request as read from the body: checked just enough to route it
 * ({@code model} and a non-empty {@code messages}); everything else goes to NVIDIA as sent, which
 * judges the rest.
 */
public final class ChatRequest {
  static final String PATH = "/v1/chat/completions";

  private final UpstreamRequest upstream;
  private final boolean streaming;

  private ChatRequest(UpstreamRequest upstream, boolean streaming) {
    this.upstream = upstream;
    this.streaming = streaming;
  }

  /**
   * @throws ApiException 400 for a body that is not a chat request, 413 past {@code maxBytes}
   */
  public static ChatRequest read(InputStream body, long maxBytes) {
    Map<String, Object> json = JsonText.readObject(body, maxBytes);
    Object model = json.get("model");
    if (!(model instanceof String m) || m.isBlank()) {
      throw ApiException.badRequest("invalid_request", "Invalid chat request",
          "\"model\" is required: the NVIDIA model id, e.g. \"meta/llama-3.1-8b-instruct\".");
    }
    if (!(json.get("messages") instanceof List<?> messages) || messages.isEmpty()) {
      throw ApiException.badRequest("invalid_request", "Invalid chat request",
          "\"messages\" is required: a non-empty array of {\"role\",\"content\"} objects.");
    }
    Object stream = json.get("stream");
    if (stream != null && !(stream instanceof Boolean)) {
      throw ApiException.badRequest("invalid_request", "Invalid chat request", "\"stream\" must be true or false.");
    }
    // top-level nulls mean "not given" in OpenAI's API; the upstream request keeps no nulls
    Map<String, Object> sent = new LinkedHashMap<>();
    json.forEach((k, v) -> {
      if (v != null) {
        sent.put(k, v);
      }
    });
    boolean streaming = Boolean.TRUE.equals(stream);
    return new ChatRequest(new UpstreamRequest(PATH, (String) model, sent, streaming), streaming);
  }

  public UpstreamRequest upstream() {
    return upstream;
  }

  public boolean streaming() {
    return streaming;
  }

  /** A stream is latency-sensitive: its reader is waiting for the first words. */
  public RoutingHints hints() {
    return RoutingHints.builder().streaming(streaming).latencySensitive(streaming).build();
  }
}
