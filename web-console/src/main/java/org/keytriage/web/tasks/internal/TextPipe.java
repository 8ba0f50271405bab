package org.keytriage.web.tasks.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.keytriage.core.upstream.SseRelay;
import org.keytriage.tasks.InsightListener;
import org.keytriage.web.json.JsonText;

/**
 * Carries a streaming task's text from the upstream's thread to the thread writing the client's
 * server-sent events, as {@code ChunkPipe} does for {@code /v1}: the task side is an {@link
 * InsightListener}; a client that goes away cancels the pipe, and the listener then throws on the
 * next piece of text, which ends the upstream call too.
 *
 * <p>Events written: {@code data: {"delta":"…"}} per piece of text; once the task has its typed
 * result, {@code event: result} with the same JSON a non-streaming call answers, then {@code data:
 * [DONE]}; a stream that broke ends with {@code data: {"error":{…}}} and no {@code [DONE]}, so a
 * client never mistakes a truncated answer for a complete one.
 */
final class TextPipe implements InsightListener {
  private enum Kind { TEXT, RESULT, ERROR, END }

  private record Event(Kind kind, String text) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Runnable onFirstEvent;
  private volatile boolean cancelled;
  private volatile boolean started;

  /** @param onFirstEvent run once, on the task's thread, when the first event arrives */
  TextPipe(Runnable onFirstEvent) {
    this.onFirstEvent = onFirstEvent;
  }

  @Override
  public void onText(String delta) {
    if (cancelled) {
      throw new IllegalStateException("the client of this stream went away");
    }
    put(new Event(Kind.TEXT, JsonText.write(Map.of("delta", delta))));
  }

  @Override
  public void onError(String message) {
    put(new Event(Kind.ERROR, message));
  }

  /** The task's typed answer, once the stream has ended. */
  void result(Map<String, Object> view) {
    put(new Event(Kind.RESULT, JsonText.write(view)));
  }

  /** No more events will come. */
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
   * Writes every event to {@code out} as server-sent events until the result, an error, the end,
   * or nothing came for {@code idle}.
   *
   * @throws UncheckedIOException the client went away (the pipe is then cancelled)
   */
  void drainTo(OutputStream out, Duration idle) throws InterruptedException {
    try {
      while (true) {
        Event e = events.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) {
          cancel();
          write(out, "data: " + SseRelay.errorChunk("no data from the upstream for " + idle.toSeconds() + " s") + "\n\n");
          return;
        }
        switch (e.kind()) {
          case TEXT -> write(out, "data: " + e.text() + "\n\n");
          case RESULT -> {
            write(out, "event: result\ndata: " + e.text() + "\n\n");
            write(out, "data: [DONE]\n\n");
            return;
          }
          case ERROR -> {
            write(out, "data: " + SseRelay.errorChunk(e.text() == null ? "the stream broke" : e.text()) + "\n\n");
            return;
          }
          case END -> {
            return;
          }
        }
      }
    } catch (UncheckedIOException clientGone) {
      cancel();
      throw clientGone;
    }
  }

  private static void write(OutputStream out, String text) {
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("the stream's client went away", e);
    }
  }
}
