package org.keytriage.web.sse;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.keytriage.web.config.WebSettings;

/**
 * The application's one stream relay: every kind of stream ({@code /v1} completions and typed
 * tasks) shares its {@code keytriage.max-concurrent-streams} workers, so the cap means what it
 * says. The workers are the server's managed threads (its default managed thread factory): the
 * container knows them, gives them the application's context and stops them with it.
 */
@ApplicationScoped
public class StreamWorkers {
  @Resource ManagedThreadFactory threads;
  @Inject WebSettings settings;

  private SseStreams streams;

  @PostConstruct
  void start() {
    streams = new SseStreams(threads, settings.maxConcurrentStreams(), settings.requestDeadline());
  }

  @PreDestroy
  void stop() {
    streams.close();
  }

  public SseStreams streams() {
    return streams;
  }
}
