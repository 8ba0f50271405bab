package org.keytriage.web.sse;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import org.keytriage.core.upstream.StreamBrokenException;
import org.keytriage.web.errors.ApiException;
import org.keytriage.web.http.ServedBy;

/**
 * Relays one kind of stream. The work runs on a worker while the request thread waits for its
 * first frame: a failure before the first frame (no key, deadline, invalid input) still becomes an
 * ordinary error answer with its status, and only once a frame is there does the response commit
 * as {@code text/event-stream}, each frame written and flushed as it comes. A failure after that
 * ends the stream with an error event (a {@link StreamBrokenException} has already said so). At
 * most {@code maxStreams} run at once; more get 503. Close it to stop the workers.
 */
public final class SseStreams implements AutoCloseable {

  /** What a stream does on its worker. */
  @FunctionalInterface
  public interface Work {
    /**
     * Produces the stream's frames into {@code pipe}.
     *
     * @return response headers known once the work is done (sent only if it finished before the
     *     response started); empty when there are none
     */
    Map<String, Object> run(SsePipe pipe);
  }

  private final ThreadPoolExecutor workers;
  private final Semaphore permits;
  private final int maxStreams;
  private final Duration deadline;

  /**
   * @param threads where the workers come from (the server's managed thread factory)
   * @param permits the streams that may run at once, of every kind together (shared with streams
   *     relayed without a worker)
   * @param maxStreams the permits' number, for the refusal's message
   * @param deadline the request deadline: the longest wait for the first frame, and for each next one
   */
  public SseStreams(ThreadFactory threads, Semaphore permits, int maxStreams, Duration deadline) {
    this.permits = permits;
    this.maxStreams = maxStreams;
    this.deadline = deadline;
    // no queue, and never more workers than permits: a stream beyond the cap is refused at once
    // with 503, never left waiting
    this.workers = new ThreadPoolExecutor(0, maxStreams, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
  }

  /** The 503 for a stream beyond the cap. */
  public static ApiException tooManyStreams(int maxStreams) {
    return new ApiException(503, "too_many_streams", "Too many streams",
        "KeyTriage is relaying " + maxStreams
            + " streams already (keytriage.max-concurrent-streams); try again shortly.",
        Map.of("Retry-After", "1"));
  }

  /**
   * Starts the work and answers once its first frame is there.
   *
   * @throws RuntimeException what the work threw before its first frame, for the exception mappers
   */
  public Response relay(String taskType, Work work) {
    CompletableFuture<Void> firstFrame = new CompletableFuture<>();
    SsePipe pipe = new SsePipe(() -> firstFrame.complete(null));
    CompletableFuture<Map<String, Object>> done = new CompletableFuture<>();
    if (!permits.tryAcquire()) {
      throw tooManyStreams(maxStreams);
    }
    try {
      workers.execute(() -> {
        try {
          run(work, pipe, firstFrame, done);
        } finally {
          permits.release();
        }
      });
    } catch (RejectedExecutionException e) {
      permits.release();
      throw tooManyStreams(maxStreams);
    }
    awaitFirstFrame(firstFrame);
    StreamingOutput body = out -> {
      try {
        pipe.drainTo(out, deadline);
      } catch (InterruptedException e) {
        pipe.cancel();
        Thread.currentThread().interrupt();
      } catch (UncheckedIOException clientGone) {
        // the client hung up; the pipe cancelled the producer
      }
    };
    Response.ResponseBuilder ok = Response.ok(body, MediaType.SERVER_SENT_EVENTS_TYPE)
        .header("Cache-Control", "no-cache")
        .header("X-Accel-Buffering", "no")
        .header(ServedBy.TASK_TYPE, taskType);
    Map<String, Object> finished = done.getNow(null);
    if (finished != null) {
      finished.forEach(ok::header);
    }
    return ok.build();
  }

  private static void run(
      Work work, SsePipe pipe, CompletableFuture<Void> firstFrame, CompletableFuture<Map<String, Object>> done) {
    try {
      done.complete(work.run(pipe));
    } catch (RuntimeException e) {
      if (!firstFrame.isDone()) {
        firstFrame.completeExceptionally(e);
      } else if (!(e instanceof StreamBrokenException)) {
        // a broken stream already sent its error event; anything else is said here
        pipe.sendError(e.getMessage());
      }
      done.completeExceptionally(e);
    } finally {
      pipe.end();
      // work that ended without a single frame: answer with the empty stream
      firstFrame.complete(null);
    }
  }

  private void awaitFirstFrame(CompletableFuture<Void> firstFrame) {
    try {
      // the gateway gives up at the deadline itself; the margin only guards against a stuck worker
      firstFrame.get(deadline.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new ApiException(504, "upstream_deadline_exceeded", "Upstream deadline exceeded",
          "The stream did not start within the request deadline of " + deadline.toSeconds() + " s.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "interrupted", "Interrupted", "The server is shutting down.");
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
