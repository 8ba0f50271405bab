package org.keytriage.web.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.keytriage.core.routing.NoAvailableKeyException;
import org.keytriage.core.upstream.GatewayResponse;
import org.keytriage.core.upstream.StreamBrokenException;
import org.keytriage.core.upstream.UpstreamClientErrorException;
import org.keytriage.core.upstream.UpstreamDeadlineExceededException;
import org.keytriage.core.upstream.UpstreamException;

/**
 * Counts each client request once it has an outcome — an OpenAI-compatible call, a typed task or a
 * batch item alike: by key, task type and outcome.
 */
@ApplicationScoped
public class GatewayMetrics {
  static final String NO_KEY = "none";

  private static final Metadata REQUESTS = Metadata.builder().withName("keytriage.requests")
      .withDescription("Client requests by task type, serving key and outcome").build();
  private static final Metadata DURATION = Metadata.builder().withName("keytriage.request.duration")
      .withDescription("Time to answer a client request, failovers included").withUnit(MetricUnits.SECONDS).build();
  private static final Metadata TOKENS = Metadata.builder().withName("keytriage.tokens")
      .withDescription("Tokens booked by task type and key").build();
  private static final Metadata FAILOVERS = Metadata.builder().withName("keytriage.failovers")
      .withDescription("Upstream attempts beyond the first, by task type").build();

  @Inject MetricRegistry registry;

  /** A request answered from {@code response}. */
  public void served(String taskType, GatewayResponse response, long nanos) {
    served(taskType, response.keyId(), response.tokens().total(), response.attempts(), nanos);
  }

  /** A request (a typed task, a batch item) answered by key {@code keyId}. */
  public void served(String taskType, String keyId, long tokens, int attempts, long nanos) {
    count(taskType, keyId, "success", nanos);
    tokens(taskType, keyId, tokens);
    failovers(taskType, attempts);
  }

  /** A request that ended in {@code failure}. */
  public void failed(String taskType, Throwable failure, long nanos) {
    String key = NO_KEY;
    String outcome;
    if (failure instanceof NoAvailableKeyException) {
      outcome = "no_available_key";
    } else if (failure instanceof UpstreamClientErrorException e) {
      outcome = "upstream_rejected";
      key = e.keyId() == null ? NO_KEY : e.keyId();
    } else if (failure instanceof UpstreamDeadlineExceededException e) {
      outcome = "deadline_exceeded";
      failovers(taskType, e.attempts());
    } else if (failure instanceof StreamBrokenException e) {
      outcome = "stream_broken";
      if (e.partial() != null) {
        key = e.partial().keyId();
        tokens(taskType, key, e.partial().tokens().total());
        failovers(taskType, e.partial().attempts());
      }
    } else if (failure instanceof UpstreamException) {
      outcome = "upstream_error";
    } else if (failure instanceof org.keytriage.core.cluster.LedgerUnavailableException) {
      outcome = "ledger_unavailable";
    } else {
      outcome = "error";
    }
    count(taskType, key, outcome, nanos);
  }

  private void count(String taskType, String key, String outcome, long nanos) {
    registry.counter(REQUESTS, new Tag("task_type", taskType), new Tag("key", key), new Tag("outcome", outcome)).inc();
    registry.timer(DURATION, new Tag("task_type", taskType)).update(Duration.ofNanos(nanos));
  }

  private void tokens(String taskType, String key, long tokens) {
    if (tokens > 0) {
      registry.counter(TOKENS, new Tag("task_type", taskType), new Tag("key", key)).inc(tokens);
    }
  }

  private void failovers(String taskType, int attempts) {
    if (attempts > 1) {
      registry.counter(FAILOVERS, new Tag("task_type", taskType)).inc(attempts - 1L);
    }
  }
}
