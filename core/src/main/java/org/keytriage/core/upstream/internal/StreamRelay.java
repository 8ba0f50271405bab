package org.keytriage.core.upstream.internal;

import java.util.Arrays;
import org.keytriage.core.config.Secret;
import org.keytriage.core.upstream.StreamListener;

/**
 * Turns a 2xx stream's bytes, as the read loop hands them over, into the listener's calls: each
 * {@code data:} event goes on as it arrives, as the bytes it came as ({@link SseByteEvents}, {@link
 * ChunkScan}: no text decoding, no tree per chunk), scrubbed of the key's secret; nothing is
 * buffered beyond the current event. Used by the one thread that reads the stream, so a slow
 * listener slows the upstream read instead of filling memory. Once the relay has ended (done,
 * error, cancelled) nothing more reaches the listener: a late event can never follow {@link
 * StreamListener#onError}.
 */
final class StreamRelay {
  /** How the relay ended. */
  enum End {
    /** Still streaming. */
    OPEN,
    /** {@code [DONE]} arrived. */
    DONE,
    /** The upstream sent an error event. */
    UPSTREAM_ERROR,
    /** The listener threw. */
    LISTENER_FAILED,
    /** The body ended without {@code [DONE]}. */
    ENDED_EARLY,
    /** The connection failed. */
    FAILED,
    /** The gateway gave up on it (deadline). */
    CANCELLED
  }

  private final StreamListener listener;
  private final boolean passUsageChunk;
  private static final byte[] DONE = {'[', 'D', 'O', 'N', 'E', ']'};

  private final Secret secret;
  private final SseByteEvents events = new SseByteEvents();
  private final SseByteEvents.Sink sink = this::handle;
  private final StreamAssembly assembly = new StreamAssembly();
  private final Runnable abort;
  private int status;
  private End end = End.OPEN;
  private int relayed;
  private String upstreamError;
  private Throwable failure;

  /**
   * @param abort stops the upstream exchange (a blocked read ends), for a relay that gives up
   */
  StreamRelay(StreamListener listener, boolean passUsageChunk, Secret secret, Runnable abort) {
    this.listener = listener;
    this.passUsageChunk = passUsageChunk;
    this.secret = secret;
    this.abort = abort;
  }

  /**
   * The next {@code length} bytes of the body. After {@code [DONE]} the rest of the body (the
   * chunked terminator) is still read and dropped: a connection whose response was not read to its
   * end cannot go back to the pool.
   */
  void accept(byte[] bytes, int length) {
    if (end == End.OPEN) {
      events.feed(bytes, 0, length, sink);
    }
  }

  /** The read failed (connection lost, the exchange aborted). */
  void failed(Throwable t) {
    if (end == End.OPEN) {
      failure = t;
      finish(End.FAILED);
    }
  }

  /** The body ended. */
  void completed() {
    if (end != End.OPEN) {
      return;
    }
    events.end(sink);
    if (end == End.OPEN) {
      finish(End.ENDED_EARLY);
    }
  }

  /** One event's data; false once the relay has ended and the rest must not be looked at. */
  private boolean handle(byte[] data, int length) {
    if (end != End.OPEN) {
      return false;
    }
    if (length == DONE.length && Arrays.equals(data, 0, length, DONE, 0, length)) {
      finish(End.DONE);
      try {
        listener.onDone();
      } catch (RuntimeException ignored) {
        // the answer is complete and will be booked; the listener's trouble at the very end is its own
      }
      return false;
    }
    StringBuilder error = new StringBuilder(0);
    ChunkScan.Kind kind = ChunkScan.scan(data, length, assembly, error);
    if (kind == ChunkScan.Kind.ERROR) {
      upstreamError = error.toString();
      cancel(End.UPSTREAM_ERROR);
      return false;
    }
    if (kind == ChunkScan.Kind.USAGE_ONLY && !passUsageChunk) {
      return true;
    }
    byte[] out = Scrub.secret(data, 0, length, secret);
    try {
      if (out == data) {
        listener.onChunk(data, 0, length);
      } else {
        listener.onChunk(out, 0, out.length);
      }
      relayed++;
      return true;
    } catch (RuntimeException e) {
      failure = e;
      cancel(End.LISTENER_FAILED);
      return false;
    }
  }

  private void cancel(End why) {
    abort.run();
    finish(why);
  }

  private void finish(End why) {
    end = why;
  }

  /**
   * Tells the listener the stream broke, once; after this nothing else reaches it. A listener
   * that throws here has nobody left to tell, so that is swallowed.
   */
  void fail(String message) {
    if (end == End.OPEN) {
      cancel(End.CANCELLED);
    }
    try {
      listener.onError(message);
    } catch (RuntimeException ignored) {
      // the caller's relay is already broken; the exception thrown to the caller says what happened
    }
  }

  /**
   * Whether the body is still to be read: while the stream is open, and after {@code [DONE]} to the
   * body's end (the chunked terminator), so the connection can be reused.
   */
  boolean readsOn() {
    return end == End.OPEN || end == End.DONE;
  }

  /** Remembers the 2xx status the stream came with. */
  void status(int value) {
    status = value;
  }

  int status() {
    return status;
  }

  End end() {
    return end;
  }

  int relayed() {
    return relayed;
  }

  String upstreamError() {
    return upstreamError;
  }

  Throwable failure() {
    return failure;
  }

  StreamAssembly assembly() {
    return assembly;
  }
}
