package org.keytriage.core.upstream;

/**
 * Receives a streamed answer as it arrives. Called from the HTTP client's threads, one call at a
 * time and in order; after {@link #onDone()} or {@link #onError(String)} nothing more is called.
 * A listener that throws ends the stream (the upstream connection is closed).
 */
public interface StreamListener {

  /**
   * One {@code data:} event's JSON payload as the upstream sent it, e.g. {@code
   * {"choices":[{"delta":{"content":"Hel"}}]}}. The usage-only chunk the gateway asks for is passed
   * on only when the caller itself asked for {@code stream_options.include_usage}.
   */
  void onChunk(String json);

  /**
   * The same chunk as the UTF-8 bytes it came as, only valid during the call. A relay that writes
   * bytes on overrides this to skip decoding; by default the bytes are decoded and passed to
   * {@link #onChunk(String)}.
   */
  default void onChunk(byte[] json, int offset, int length) {
    onChunk(new String(json, offset, length, java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The upstream sent {@code [DONE]}: the answer is complete. */
  default void onDone() {}

  /**
   * The stream broke after chunks had been relayed (connection lost, deadline, an upstream error
   * event): the answer is incomplete. Never called for a failure before the first chunk, which
   * fails over to another key instead.
   *
   * @param message what went wrong, for a person; no secret and no content
   */
  default void onError(String message) {}
}
