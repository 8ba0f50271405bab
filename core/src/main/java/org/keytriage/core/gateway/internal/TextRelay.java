package org.keytriage.core.gateway.internal;

import org.keytriage.core.gateway.TextListener;
import org.keytriage.core.upstream.StreamListener;
import org.keytriage.core.upstream.StreamText;

/** Turns a streamed completion's chunks into the text pieces a typed task's listener hears. */
final class TextRelay implements StreamListener {
  /** For a streaming task whose caller wants only the assembled result. */
  static final StreamListener IGNORE = json -> {};

  private final TextListener listener;

  TextRelay(TextListener listener) {
    this.listener = listener;
  }

  static StreamListener to(TextListener listener) {
    return listener == null ? IGNORE : new TextRelay(listener);
  }

  @Override
  public void onChunk(String json) {
    StreamText.of(json).ifPresent(listener::onText);
  }

  @Override
  public void onDone() {
    listener.onDone();
  }

  @Override
  public void onError(String message) {
    listener.onError(message);
  }
}
