package org.keytriage.web.console.internal;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.events.GatewayEvents;
import org.keytriage.core.metrics.RecentTraffic;

/** This node's last minute of traffic for the dashboard, subscribed to the engine's events from the start. */
@ApplicationScoped
public class LiveTraffic {
  @Inject KeyTriage keyTriage;

  private volatile RecentTraffic traffic;
  private GatewayEvents.Subscription subscription;

  void subscribe(@Observes @Initialized(ApplicationScoped.class) Object started) {
    RecentTraffic t = new RecentTraffic(keyTriage.clock());
    subscription = keyTriage.events().subscribe(t);
    traffic = t;
  }

  @PreDestroy
  void unsubscribe() {
    if (subscription != null) {
      subscription.close();
    }
  }

  /** The last {@code seconds} whole seconds. */
  public RecentTraffic.Summary last(int seconds) {
    RecentTraffic t = traffic;
    if (t == null) {
      throw new IllegalStateException("KeyTriage is still starting");
    }
    return t.last(seconds);
  }
}
