package org.keytriage.core.upstream.internal;

import org.keytriage.core.json.JsonTrees;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.keytriage.core.upstream.StreamListener;

/**
 * Receives a 2xx stream's lines from the HTTP client, one at a time, and hands each {@code data:}
 * event to the listener as it arrives: nothing is buffered beyond the current event. Requests one
 * line at a time, so a slow listener slows the upstream read instead of filling memory.
 *
 * <p>Every signal and every listener call runs under this object's lock, and once the relay has
 * ended (done, error, cancelled) nothing more reaches the listener: a late line can never follow
 * {@link StreamListener#onError}.
 */
final class StreamRelay implements Flow.Subscriber<String> {
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
  private final SseEventParser parser = new SseEventParser();
  private final StreamAssembly assembly = new StreamAssembly();
  private final CompletableFuture<End> ended = new CompletableFuture<>();
  private final CompletableFuture<Void> firstChunk = new CompletableFuture<>();
  private volatile int status;
  private Flow.Subscription subscription;
  private End end = End.OPEN;
  private int relayed;
  private String upstreamError;
  private Throwable failure;

  StreamRelay(StreamListener listener, boolean passUsageChunk) {
    this.listener = listener;
    this.passUsageChunk = passUsageChunk;
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
  public synchronized void onNext(String line) {
    if (end != End.OPEN) {
      return;
    }
    String event = parser.accept(line);
    if (event != null) {
      handle(event);
    }
    if (end == End.OPEN) {
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
    String last = parser.flush();
    if (last != null) {
      handle(last);
    }
    if (end == End.OPEN) {
      finish(End.ENDED_EARLY);
    }
  }

  private void handle(String data) {
    if (data.equals("[DONE]")) {
      finish(End.DONE);
      try {
        listener.onDone();
      } catch (RuntimeException ignored) {
        // the answer is complete and will be booked; the listener's trouble at the very end is its own
      }
      return;
    }
    Optional<Map<String, Object>> chunk = JsonTrees.parseObject(data);
    if (chunk.isPresent() && chunk.get().get("error") != null) {
      upstreamError = errorMessage(chunk.get().get("error"));
      cancel(End.UPSTREAM_ERROR);
      return;
    }
    chunk.ifPresent(assembly::add);
    if (chunk.isPresent() && !passUsageChunk && StreamAssembly.usageOnly(chunk.get())) {
      return;
    }
    try {
      listener.onChunk(data);
      relayed++;
      firstChunk.complete(null);
    } catch (RuntimeException e) {
      failure = e;
      cancel(End.LISTENER_FAILED);
    }
  }

  private static String errorMessage(Object error) {
    if (error instanceof Map<?, ?> m && m.get("message") instanceof String s) {
      return s;
    }
    return String.valueOf(error);
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
