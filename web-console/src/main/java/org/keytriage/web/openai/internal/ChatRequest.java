package org.keytriage.web.openai.internal;

import org.keytriage.core.upstream.BodyFacts;
import org.keytriage.core.upstream.RelayedBody;
import org.keytriage.spi.RoutingHints;
import org.keytriage.web.errors.ApiException;

/**
 * An OpenAI chat completion request as read from the body: checked just enough to route it
 * ({@code model} and a non-empty {@code messages}); everything else goes to NVIDIA as the bytes
 * that came, which judges the rest. The body is read in one pass without building its tree
 * ({@link RelayedBody}).
 */
public final class ChatRequest {
  /** The endpoint's path, below the context root and below a key's base URL alike. */
  public static final String PATH = "/v1/chat/completions";

  private static final RoutingHints STREAMING = RoutingHints.builder().streaming(true).latencySensitive(true).build();
  private static final RoutingHints COMPLETION = RoutingHints.builder().build();

  private final RelayedBody body;

  private ChatRequest(RelayedBody body) {
    this.body = body;
  }

  /**
   * @param bytes the body as received, within the size limit
   * @throws ApiException 400 for a body that is not a chat request
   */
  public static ChatRequest read(byte[] bytes) {
    RelayedBody body;
    try {
      body = RelayedBody.read(PATH, bytes);
    } catch (IllegalArgumentException e) {
      // the message names the position only, never the text
      throw ApiException.badRequest("invalid_json", "Invalid JSON", e.getMessage());
    }
    BodyFacts facts = body.facts();
    if (facts.model() == null || facts.model().isBlank()) {
      throw ApiException.badRequest("invalid_request", "Invalid chat request",
          "\"model\" is required: the NVIDIA model id, e.g. \"meta/llama-3.1-8b-instruct\".");
    }
    if (facts.messages() < 1) {
      throw ApiException.badRequest("invalid_request", "Invalid chat request",
          "\"messages\" is required: a non-empty array of {\"role\",\"content\"} objects.");
    }
    if (facts.streamNotBoolean()) {
      throw ApiException.badRequest("invalid_request", "Invalid chat request", "\"stream\" must be true or false.");
    }
    return new ChatRequest(body);
  }

  /** The body to relay. */
  public RelayedBody body() {
    return body;
  }

  public boolean streaming() {
    return body.facts().streaming();
  }

  /** A stream is latency-sensitive: its reader is waiting for the first words. */
  public RoutingHints hints() {
    return streaming() ? STREAMING : COMPLETION;
  }
}
