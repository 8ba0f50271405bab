package org.keytriage.web.sse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.keytriage.core.upstream.SseRelay;

/**
 * Carries a stream's server-sent-event frames from the thread producing them (the upstream call)
 * to the thread writing the client's response. When the client goes away the pipe is {@link
 * #cancel() cancelled} and the producer's next {@link #send} throws, which ends the upstream call
 * too.
 */
public final class SsePipe {
  private static final Optional<String> END = Optional.empty();

  private final BlockingQueue<Optional<String>> frames = new LinkedBlockingQueue<>();
  private final Runnable onFirstFrame;
  private volatile boolean cancelled;
  private volatile boolean started;

  /** @param onFirstFrame run once, on the producer's thread, when the first frame (or the end) arrives */
  public SsePipe(Runnable onFirstFrame) {
    this.onFirstFrame = onFirstFrame;
  }

  /**
   * Queues one complete frame, e.g. {@code data: {…}\n\n}.
   *
   * @throws IllegalStateException once the client went away: the producer should stop
   */
  public void send(String frame) {
    if (cancelled) {
      throw new IllegalStateException("the client of this stream went away");
    }
    put(Optional.of(frame));
  }

  /** Queues the OpenAI-style error event that ends a stream that broke. */
  public void sendError(String message) {
    // not refused once cancelled: the producer is ending anyway, and must not fail while saying so
    put(Optional.of("data: " + SseRelay.errorChunk(message == null ? "the stream broke" : message) + "\n\n"));
  }

  /** No more frames will come. */
  public void end() {
    put(END);
  }

  public void cancel() {
    cancelled = true;
  }

  /**
   * An output stream whose every {@code flush()} sends what was written since as one frame, so a
   * core {@link SseRelay} can write into the pipe.
   */
  public OutputStream frameOutput() {
    return new OutputStream() {
      private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

      @Override
      public void write(int b) {
        buffer.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        buffer.write(b, off, len);
      }

      @Override
      public void flush() {
        if (buffer.size() > 0) {
          String frame = buffer.toString(StandardCharsets.UTF_8);
          buffer.reset();
          send(frame);
        }
      }
    };
  }

  private void put(Optional<String> frame) {
    frames.add(frame);
    if (!started) {
      started = true;
      onFirstFrame.run();
    }
  }

  /**
   * Writes and flushes every frame until the end; after {@code idle} without a frame the stream
   * ends with an error event and the producer is told to stop.
   *
   * @throws UncheckedIOException the client went away (the pipe is then cancelled)
   */
  public void drainTo(OutputStream out, Duration idle) throws InterruptedException {
    try {
      while (true) {
        Optional<String> frame = frames.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
          cancel();
          write(out, "data: " + SseRelay.errorChunk("no data from the upstream for " + idle.toSeconds() + " s") + "\n\n");
          return;
        }
        if (frame.isEmpty()) {
          return;
        }
        write(out, frame.get());
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
