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

  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

  @Override
  public void onChunk(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    onChunk(bytes, 0, bytes.length);
  }

  /** Writes {@code data: <chunk>\n\n} as one write of the chunk's own bytes, and flushes. */
  @Override
  public void onChunk(byte[] json, int offset, int length) {
    byte[] frame = new byte[DATA.length + length + 2];
    System.arraycopy(DATA, 0, frame, 0, DATA.length);
    System.arraycopy(json, offset, frame, DATA.length, length);
    frame[frame.length - 2] = '\n';
    frame[frame.length - 1] = '\n';
    write(frame);
  }

  @Override
  public void onDone() {
    write(DONE);
  }

  @Override
  public void onError(String message) {
    write(("data: " + errorChunk(message) + "\n\n").getBytes(StandardCharsets.UTF_8));
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

  private void write(byte[] frame) {
    try {
      out.write(frame);
      out.flush();
    } catch (IOException e) {
      // the client went away: throwing ends the upstream stream too
      throw new UncheckedIOException("the stream's client went away", e);
    }
  }
}
