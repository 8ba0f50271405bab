package org.keytriage.core.upstream;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.keytriage.core.json.JsonTrees;

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

  /**
   * The OpenAI-style error event for a stream that broke: {@code
   * {"error":{"message":…,"type":"upstream_stream_error","code":502}}}, compact, in that order.
   */
  public static String errorChunk(String message) {
    Objects.requireNonNull(message, "message");
    var error = JsonTrees.provider().createObjectBuilder()
        .add("message", message)
        .add("type", "upstream_stream_error")
        .add("code", 502);
    return JsonTrees.provider().createObjectBuilder().add("error", error).build().toString();
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
}
