package org.keytriage.web.openai.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.keytriage.core.upstream.GatewayResponse;
import org.keytriage.core.upstream.NvidiaGateway;
import org.keytriage.core.upstream.SseRelay;
import org.keytriage.core.upstream.StreamBrokenException;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.UpstreamRequest;
import org.keytriage.web.config.WebSettings;
import org.keytriage.web.errors.ApiException;
import org.keytriage.web.observability.GatewayMetrics;
import org.keytriage.web.openai.ServedBy;

/**
 * Relays streamed completions. The upstream call runs on a worker while the request thread waits
 * for its first event: a failure before the first chunk (no key, deadline, a refused request)
 * still becomes an ordinary error answer with its status, and only once a chunk is there does the
 * response commit as {@code text/event-stream}, each chunk written and flushed as it comes
 * ({@link SseRelay}). At most {@code keytriage.max-concurrent-streams} run at once; more get 503.
 */
@ApplicationScoped
public class StreamRelays {
  @Inject NvidiaGateway gateway;
  @Inject WebSettings settings;
  @Inject GatewayMetrics metrics;

  private ThreadPoolExecutor workers;

  @PostConstruct
  void start() {
    AtomicInteger n = new AtomicInteger();
    workers = new ThreadPoolExecutor(0, settings.maxConcurrentStreams(), 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> {
          Thread t = new Thread(r, "keytriage-stream-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  @PreDestroy
  void stop() {
    workers.shutdownNow();
  }

  /**
   * Starts the stream and answers once its first event is there.
   *
   * @throws RuntimeException what the gateway threw before the first chunk, for the exception mappers
   */
  public Response relay(String taskType, UpstreamRequest request, RoutingHints hints) {
    CompletableFuture<Void> firstEvent = new CompletableFuture<>();
    ChunkPipe pipe = new ChunkPipe(() -> firstEvent.complete(null));
    CompletableFuture<GatewayResponse> done = new CompletableFuture<>();
    long started = System.nanoTime();
    try {
      workers.execute(() -> call(taskType, request, hints, pipe, firstEvent, done, started));
    } catch (RejectedExecutionException e) {
      throw new ApiException(503, "too_many_streams", "Too many streams",
          "KeyTriage is relaying " + settings.maxConcurrentStreams()
              + " streams already (keytriage.max-concurrent-streams); try again shortly.",
          Map.of("Retry-After", "1"));
    }
    awaitFirstEvent(firstEvent);
    Duration idle = settings.requestDeadline();
    StreamingOutput body = out -> {
      try {
        pipe.drainTo(new SseRelay(out), idle);
      } catch (InterruptedException e) {
        pipe.cancel();
        Thread.currentThread().interrupt();
      } catch (UncheckedIOException clientGone) {
        // the client hung up; the pipe cancelled the upstream
      }
    };
    Response.ResponseBuilder ok = Response.ok(body, MediaType.SERVER_SENT_EVENTS_TYPE)
        .header("Cache-Control", "no-cache")
        .header("X-Accel-Buffering", "no")
        .header(ServedBy.TASK_TYPE, taskType);
    GatewayResponse finished = done.getNow(null);
    if (finished != null) {
      ok.header(ServedBy.KEY_ID, finished.keyId()).header(ServedBy.ATTEMPTS, finished.attempts());
    }
    return ok.build();
  }

  private void call(String taskType, UpstreamRequest request, RoutingHints hints, ChunkPipe pipe,
      CompletableFuture<Void> firstEvent, CompletableFuture<GatewayResponse> done, long started) {
    try {
      GatewayResponse r = gateway.stream(taskType, request, hints, pipe);
      metrics.served(taskType, r, System.nanoTime() - started);
      done.complete(r);
    } catch (RuntimeException e) {
      metrics.failed(taskType, e, System.nanoTime() - started);
      if (!firstEvent.isDone()) {
        firstEvent.completeExceptionally(e);
      } else if (!(e instanceof StreamBrokenException)) {
        // a broken stream already told the pipe (onError); anything else is said here
        pipe.onError(e.getMessage());
      }
      done.completeExceptionally(e);
    } finally {
      pipe.end();
      // an upstream that ended without a single event: answer with the empty stream
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
