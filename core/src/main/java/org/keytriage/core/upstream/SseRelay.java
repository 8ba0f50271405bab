package org.keytriage.core.upstream;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A {@link StreamListener} that writes the stream on as server-sent events, flushing each: {@code
 * data: <chunk>} for each chunk, {@code data: [DONE]} at the end, and for a broken stream a final
 * {@code data: {"error":{...}}} event (and no {@code [DONE]}), so a client never mistakes a
 * truncated answer for a complete one.
 */
public final class SseRelay implements StreamListener {
  private final OutputStream out;

  public SseRelay(OutputStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public void onChunk(String json) {
    write("data: " + json + "\n\n");
  }

  @Override
  public void onDone() {
    write("data: [DONE]\n\n");
  }

  @Override
  public void onError(String message) {
    write("data: " + errorChunk(message) + "\n\n");
  }

  /** The OpenAI-style error event for a stream that broke: {@code {"error":{"message":…}}}. */
  public static String errorChunk(String message) {
    return "{\"error\":{\"message\":\"" + escape(message)
        + "\",\"type\":\"upstream_stream_error\",\"code\":502}}";
  }

  private void write(String text) {
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      // the client went away: throwing ends the upstream stream too
      throw new UncheckedIOException("the stream's client went away", e);
    }
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
