package org.keytriage.web.observability;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.events.GatewayEvent;
import org.keytriage.core.events.GatewayEventListener;
import org.keytriage.core.events.GatewayEvents;
import org.keytriage.core.events.RequestFailed;
import org.keytriage.core.events.RequestServed;

/**
 * Counts each client request once it has an outcome — an OpenAI-compatible call, a typed task or a
 * batch item alike — by key, task type and outcome, from the gateway's events. Subscribed when the
 * application starts (after the engine opened), unsubscribed when it stops.
 */
@ApplicationScoped
public class GatewayMetrics implements GatewayEventListener {
  static final String NO_KEY = "none";
  static final String SUCCESS = "success";

  private static final Metadata REQUESTS = Metadata.builder().withName("keytriage.requests")
      .withDescription("Client requests by task type, serving key and outcome").build();
  private static final Metadata DURATION = Metadata.builder().withName("keytriage.request.duration")
      .withDescription("Time to answer a client request, failovers included").withUnit(MetricUnits.SECONDS).build();
  private static final Metadata TOKENS = Metadata.builder().withName("keytriage.tokens")
      .withDescription("Tokens booked by task type and key").build();
  private static final Metadata FAILOVERS = Metadata.builder().withName("keytriage.failovers")
      .withDescription("Upstream attempts beyond the first, by task type").build();

  @Inject MetricRegistry registry;
  @Inject KeyTriage keyTriage;

  private GatewayEvents.Subscription subscription;

  void subscribe(@Observes @Initialized(ApplicationScoped.class) Object started) {
    subscription = keyTriage.events().subscribe(this);
  }

  @PreDestroy
  void unsubscribe() {
    if (subscription != null) {
      subscription.close();
    }
  }

  @Override
  public void on(GatewayEvent event) {
    if (event instanceof RequestServed s) {
      count(s.taskType(), s.keyId(), SUCCESS, s.durationNanos());
      tokens(s.taskType(), s.keyId(), s.totalTokens());
      failovers(s.taskType(), s.attempts());
    } else if (event instanceof RequestFailed f) {
      String key = f.keyId() == null ? NO_KEY : f.keyId();
      count(f.taskType(), key, f.code().code(), f.durationNanos());
      tokens(f.taskType(), key, f.tokens());
      failovers(f.taskType(), f.attempts());
    }
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
