package org.keytriage.core.upstream.internal;

import java.util.Arrays;

/**
 * Turns a server-sent-event byte stream into event payloads without decoding it to text, as the
 * SSE spec says: lines end at {@code \n}, {@code \r\n} or {@code \r}; {@code data:} lines (one
 * optional space after the colon dropped) accumulate, joined by {@code \n}, until a blank line
 * dispatches them; comments ({@code :…}) and other fields ({@code event:}, {@code id:}, {@code
 * retry:}) are ignored. The bytes handed to the sink are only valid during the call. Not
 * thread-safe: one per stream.
 */
final class SseByteEvents {
  /** Receives each event's data. */
  interface Sink {
    /** Returns false to stop: the rest of the buffer is not looked at. */
    boolean event(byte[] data, int length);
  }

  private static final int MAX_LINE = 16 * 1024 * 1024;
  private byte[] line = new byte[512];
  private int lineLength;
  private byte[] data = new byte[512];
  private int dataLength;
  private boolean pending;
  private boolean afterCr;

  /**
   * Feeds the next bytes; calls the sink for every event they complete.
   *
   * @return false when the sink asked to stop
   */
  boolean feed(byte[] bytes, int offset, int length, Sink sink) {
    for (int i = offset, to = offset + length; i < to; i++) {
      byte b = bytes[i];
      if (afterCr) {
        afterCr = false;
        if (b == '\n') {
          continue; // the \n of a \r\n
        }
      }
      if (b == '\n' || b == '\r') {
        afterCr = b == '\r';
        if (!endOfLine(sink)) {
          return false;
        }
      } else {
        if (lineLength == line.length) {
          if (line.length >= MAX_LINE) {
            throw new IllegalStateException("an event-stream line longer than " + MAX_LINE + " bytes");
          }
          line = Arrays.copyOf(line, line.length * 2);
        }
        line[lineLength++] = b;
      }
    }
    return true;
  }

  /** The stream ended: a last line without its terminator, and an event without its blank line, still count. */
  void end(Sink sink) {
    if (lineLength > 0 && !endOfLine(sink)) {
      return;
    }
    if (pending) {
      dispatch(sink);
    }
  }

  private boolean endOfLine(Sink sink) {
    int n = lineLength;
    lineLength = 0;
    if (n == 0) {
      return !pending || dispatch(sink);
    }
    if (line[0] == ':' || n < 4 || line[0] != 'd' || line[1] != 'a' || line[2] != 't' || line[3] != 'a') {
      return true; // a comment, or another field
    }
    int from;
    if (n == 4) {
      from = 4; // "data" alone: an empty value
    } else if (line[4] == ':') {
      from = n > 5 && line[5] == ' ' ? 6 : 5;
    } else {
      return true; // a field whose name only starts with "data"
    }
    int add = n - from + (pending ? 1 : 0);
    if (dataLength + add > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, dataLength + add));
    }
    if (pending) {
      data[dataLength++] = '\n';
    }
    System.arraycopy(line, from, data, dataLength, n - from);
    dataLength += n - from;
    pending = true;
    return true;
  }

  private boolean dispatch(Sink sink) {
    int n = dataLength;
    dataLength = 0;
    pending = false;
    return sink.event(data, n);
  }
}
