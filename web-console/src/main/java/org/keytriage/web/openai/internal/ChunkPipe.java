package org.keytriage.web.openai.internal;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.keytriage.core.upstream.StreamListener;

/**
 * Carries a stream's events from the upstream's thread to the thread writing the client's
 * response. The upstream side is a {@link StreamListener}; when the client goes away the pipe is
 * {@link #cancel() cancelled} and the listener throws on the next chunk, which ends the upstream
 * call too.
 */
final class ChunkPipe implements StreamListener {
  private enum Kind { CHUNK, DONE, ERROR, END }

  private record Event(Kind kind, String text) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Runnable onFirstEvent;
  private volatile boolean cancelled;
  private volatile boolean started;

  /** @param onFirstEvent run once, on the upstream's thread, when the first event arrives */
  ChunkPipe(Runnable onFirstEvent) {
    this.onFirstEvent = onFirstEvent;
  }

  @Override
  public void onChunk(String json) {
    if (cancelled) {
      throw new IllegalStateException("the client of this stream went away");
    }
    put(new Event(Kind.CHUNK, json));
  }

  @Override
  public void onDone() {
    put(new Event(Kind.DONE, null));
  }

  @Override
  public void onError(String message) {
    put(new Event(Kind.ERROR, message));
  }

  /** No more events will come (the upstream call returned or failed after the start). */
  void end() {
    put(new Event(Kind.END, null));
  }

  void cancel() {
    cancelled = true;
  }

  private void put(Event e) {
    events.add(e);
    if (!started) {
      started = true;
      onFirstEvent.run();
    }
  }

  /**
   * Writes every event to {@code out} until the stream is done, broke, ended, or nothing came for
   * {@code idle}; a client that goes away (the listener throws) cancels the upstream.
   */
  void drainTo(StreamListener out, Duration idle) throws InterruptedException {
    try {
      while (true) {
        Event e = events.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) {
          cancel();
          out.onError("no data from the upstream for " + idle.toSeconds() + " s");
          return;
        }
        switch (e.kind()) {
          case CHUNK -> out.onChunk(e.text());
          case DONE -> {
            out.onDone();
            return;
          }
          case ERROR -> {
            out.onError(e.text());
            return;
          }
          case END -> {
            return;
          }
        }
      }
    } catch (RuntimeException clientGone) {
      cancel();
      throw clientGone;
    }
  }
}
