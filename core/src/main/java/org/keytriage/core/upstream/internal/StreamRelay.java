package org.keytriage.core.upstream.internal;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.keytriage.core.config.Secret;
import org.keytriage.core.upstream.StreamListener;

/**
 * Receives a 2xx stream's bytes from the HTTP client and hands each {@code data:} event to the
 * listener as it arrives, as the bytes it came as ({@link SseByteEvents}, {@link ChunkScan}: no
 * text decoding, no tree per chunk); nothing is buffered beyond the current event. Requests one
 * buffer list at a time, so a slow listener slows the upstream read instead of filling memory.
 * Each chunk is scrubbed of the key's secret before it is relayed.
 *
 * <p>Every signal and every listener call runs under this object's lock, and once the relay has
 * ended (done, error, cancelled) nothing more reaches the listener: a late line can never follow
 * {@link StreamListener#onError}.
 */
final class StreamRelay implements Flow.Subscriber<List<ByteBuffer>> {
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
  private final CompletableFuture<End> ended = new CompletableFuture<>();
  private final CompletableFuture<Void> firstChunk = new CompletableFuture<>();
  private volatile int status;
  private Flow.Subscription subscription;
  private End end = End.OPEN;
  private int relayed;
  private String upstreamError;
  private Throwable failure;

  StreamRelay(StreamListener listener, boolean passUsageChunk, Secret secret) {
    this.listener = listener;
    this.passUsageChunk = passUsageChunk;
    this.secret = secret;
  }

  @Override
  public synchronized void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (end == End.OPEN) {
      s.request(1);
    } else {
      s.cancel();
    }
  }

  @Override
  public synchronized void onNext(List<ByteBuffer> buffers) {
    for (ByteBuffer b : buffers) {
      if (end != End.OPEN || !events.feed(b, sink)) {
        break;
      }
    }
    // after [DONE] the rest of the body (the chunked terminator) is still read, and dropped: a
    // connection whose response was not read to its end cannot go back to the pool, and would stay
    // open, unused, until the upstream closes it
    if (end == End.OPEN || end == End.DONE) {
      subscription.request(1);
    }
  }

  @Override
  public synchronized void onError(Throwable t) {
    if (end == End.OPEN) {
      failure = t;
      finish(End.FAILED);
    }
  }

  @Override
  public synchronized void onComplete() {
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
    if (length == DONE.length && java.util.Arrays.equals(data, 0, length, DONE, 0, length)) {
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
      firstChunk.complete(null);
      return true;
    } catch (RuntimeException e) {
      failure = e;
      cancel(End.LISTENER_FAILED);
      return false;
    }
  }

  /** The gateway gives up (deadline, interruption): the upstream connection is closed. */
  synchronized void cancel() {
    if (end == End.OPEN) {
      cancel(End.CANCELLED);
    }
  }

  private void cancel(End why) {
    if (subscription != null) {
      subscription.cancel();
    }
    finish(why);
  }

  private void finish(End why) {
    end = why;
    ended.complete(why);
  }

  /**
   * Tells the listener the stream broke, once; after this nothing else reaches it. A listener
   * that throws here has nobody left to tell, so that is swallowed.
   */
  synchronized void fail(String message) {
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
  synchronized boolean readsOn() {
    return end == End.OPEN || end == End.DONE;
  }

  /** Completes when the first chunk has reached the listener. */
  CompletableFuture<Void> firstChunk() {
    return firstChunk;
  }

  /** Remembers the 2xx status the stream came with. */
  void status(int value) {
    status = value;
  }

  int status() {
    return status;
  }

  /** Completes when the relay ends, however it ends. */
  CompletableFuture<End> ended() {
    return ended;
  }

  synchronized End end() {
    return end;
  }

  synchronized boolean subscribed() {
    return subscription != null;
  }

  synchronized int relayed() {
    return relayed;
  }

  synchronized String upstreamError() {
    return upstreamError;
  }

  synchronized Throwable failure() {
    return failure;
  }

  synchronized StreamAssembly assembly() {
    return assembly;
  }
}
