package org.keytriage.web.tasks.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.keytriage.core.upstream.StreamBrokenException;
import org.keytriage.web.config.WebSettings;
import org.keytriage.web.errors.ApiException;
import org.keytriage.web.openai.ServedBy;
import org.keytriage.web.tasks.MeteredTasks;

/**
 * Relays a typed task's text as server-sent events, the way {@code /v1} relays chunks: the task
 * runs on a worker while the request thread waits for its first event, so a failure before any
 * text (invalid input, no key, deadline) is still an ordinary error answer with its status; only
 * then does the response commit as {@code text/event-stream} ({@link TextPipe} says what is
 * written). At most {@code keytriage.max-concurrent-streams} typed streams run at once; more get
 * 503.
 */
@ApplicationScoped
public class TypedStreams {
  @Inject MeteredTasks tasks;
  @Inject WebSettings settings;

  private ThreadPoolExecutor workers;

  @PostConstruct
  void start() {
    AtomicInteger n = new AtomicInteger();
    workers = new ThreadPoolExecutor(0, settings.maxConcurrentStreams(), 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> {
          Thread t = new Thread(r, "keytriage-task-stream-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  @PreDestroy
  void stop() {
    workers.shutdownNow();
  }

  /**
   * Starts the task and answers once its first event is there.
   *
   * @throws RuntimeException what the task threw before its first event, for the exception mappers
   */
  public Response relay(String taskType, Map<String, Object> input) {
    CompletableFuture<Void> firstEvent = new CompletableFuture<>();
    TextPipe pipe = new TextPipe(() -> firstEvent.complete(null));
    try {
      workers.execute(() -> call(taskType, input, pipe, firstEvent));
    } catch (RejectedExecutionException e) {
      throw new ApiException(503, "too_many_streams", "Too many streams",
          "KeyTriage is relaying " + settings.maxConcurrentStreams()
              + " streams already (keytriage.max-concurrent-streams); try again shortly.",
          Map.of("Retry-After", "1"));
    }
    awaitFirstEvent(firstEvent);
    StreamingOutput body = out -> {
      try {
        pipe.drainTo(out, settings.requestDeadline());
      } catch (InterruptedException e) {
        pipe.cancel();
        Thread.currentThread().interrupt();
      } catch (UncheckedIOException clientGone) {
        // the client hung up; the pipe cancelled the upstream
      }
    };
    return Response.ok(body, MediaType.SERVER_SENT_EVENTS_TYPE)
        .header("Cache-Control", "no-cache")
        .header("X-Accel-Buffering", "no")
        .header(ServedBy.TASK_TYPE, taskType)
        .build();
  }

  private void call(String taskType, Map<String, Object> input, TextPipe pipe, CompletableFuture<Void> firstEvent) {
    try {
      pipe.result(OutcomeViews.of(tasks.stream(taskType, input, pipe)));
    } catch (RuntimeException e) {
      if (!firstEvent.isDone()) {
        firstEvent.completeExceptionally(e);
      } else if (!(e instanceof StreamBrokenException)) {
        // a broken stream already told the pipe (onError); anything else is said here
        pipe.onError(e.getMessage());
      }
    } finally {
      pipe.end();
      firstEvent.complete(null);
    }
  }

  private void awaitFirstEvent(CompletableFuture<Void> firstEvent) {
    try {
      // the gateway gives up at the deadline itself; the margin only guards against a stuck worker
      firstEvent.get(settings.requestDeadline().toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new ApiException(504, "upstream_deadline_exceeded", "Upstream deadline exceeded",
          "The stream did not start within the request deadline of " + settings.requestDeadline().toSeconds() + " s.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "interrupted", "Interrupted", "The server is shutting down.");
    }
  }
}
