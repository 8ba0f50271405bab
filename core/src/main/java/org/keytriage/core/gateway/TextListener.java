package org.keytriage.core.gateway;

/**
 * Receives a streamed task's text as the model writes it. Called from the HTTP client's
 * threads, one call at a time and in order. A listener that throws ends the stream.
 */
@FunctionalInterface
public interface TextListener {

  /** The next piece of the answer's text (never empty). */
  void onText(String delta);

  /** The answer is complete. */
  default void onDone() {}

  /**
   * The stream broke after text had been relayed; the call then throws {@link
   * org.keytriage.core.upstream.StreamBrokenException}.
   *
   * @param message what went wrong; no secret and no content
   */
  default void onError(String message) {}
}
