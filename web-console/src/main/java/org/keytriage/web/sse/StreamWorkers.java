package org.keytriage.web.sse;

import java.util.concurrent.Semaphore;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.keytriage.web.config.WebSettings;

/**
 * The application's one stream cap: every kind of stream ({@code /v1} completions on their request
 * thread, typed tasks on its workers) shares its {@code keytriage.max-concurrent-streams} permits,
 * so the cap means what it says. The workers are the server's managed threads (its default managed thread factory): the
 * container knows them, gives them the application's context and stops them with it.
 */
@ApplicationScoped
public class StreamWorkers {
  @Resource ManagedThreadFactory threads;
  @Inject WebSettings settings;

  private SseStreams streams;
  private Semaphore permits;

  /** One stream's place under the cap; closing it gives the place back. */
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  @PostConstruct
  void start() {
    permits = new Semaphore(settings.maxConcurrentStreams());
    streams = new SseStreams(threads, permits, settings.maxConcurrentStreams(), settings.requestDeadline());
  }

  /**
   * A place for a stream relayed on the request's own thread (the {@code /v1} hot path), counted
   * under the same cap as the workers' streams.
   *
   * @throws org.keytriage.web.errors.ApiException 503 {@code too_many_streams} when the cap is reached
   */
  public Permit enter() {
    if (!permits.tryAcquire()) {
      throw SseStreams.tooManyStreams(settings.maxConcurrentStreams());
    }
    return permits::release;
  }

  @PreDestroy
  void stop() {
    streams.close();
  }

  public SseStreams streams() {
    return streams;
  }
}
