package org.keytriage.web.observability;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.events.GatewayEvents;
import org.keytriage.core.metrics.PrometheusText;
import org.keytriage.core.metrics.RequestMetrics;

/**
 * KeyTriage's Prometheus series for this node: a {@link RequestMetrics} subscribed to the engine's
 * events when the application starts (after the engine opened), unsubscribed when it stops, and
 * the per-key gauges read at each scrape. Kept outside MicroProfile Metrics on purpose: there the
 * runtime decides units and types (a timer's quantiles came out in nanoseconds beside a sum in
 * seconds); here they are exactly those of {@link PrometheusText}.
 */
@ApplicationScoped
public class GatewayMetrics {
  @Inject KeyTriage keyTriage;

  private volatile PrometheusText text;
  private GatewayEvents.Subscription subscription;

  void subscribe(@Observes @Initialized(ApplicationScoped.class) Object started) {
    RequestMetrics metrics = RequestMetrics.forEngine(keyTriage);
    subscription = keyTriage.events().subscribe(metrics);
    text = PrometheusText.of(keyTriage, metrics);
  }

  @PreDestroy
  void unsubscribe() {
    if (subscription != null) {
      subscription.close();
    }
  }

  /**
   * Every series in the text exposition format 0.0.4.
   *
   * @throws IllegalStateException before the application has started
   */
  public String render() {
    PrometheusText t = text;
    if (t == null) {
      throw new IllegalStateException("KeyTriage metrics are not subscribed yet: the application is still starting");
    }
    return t.render();
  }
}
