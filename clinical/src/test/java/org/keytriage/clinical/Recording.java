package org.keytriage.clinical;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.keytriage.core.events.GatewayEvent;
import org.keytriage.core.events.GatewayEventListener;
import org.keytriage.core.events.RequestServed;
import org.keytriage.spi.RoutingHints;

/** What the gateway published for the requests it served: the router's hints and the models. */
final class Recording implements GatewayEventListener {
  final List<RoutingHints> hints = new CopyOnWriteArrayList<>();
  final List<String> models = new CopyOnWriteArrayList<>();

  @Override
  public void on(GatewayEvent event) {
    if (event instanceof RequestServed s) {
      hints.add(s.hints());
      models.add(s.model());
    }
  }
}
