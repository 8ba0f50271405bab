package org.keytriage.core.events;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The engine's event bus: the gateway and the key registry publish, accounting views, metrics,
 * alerts (and later the audit trail and the request log) subscribe. Thread-safe; publishing costs
 * one pass over the listeners and no allocation beyond the event itself.
 */
public final class GatewayEvents {
  private static final System.Logger LOG = System.getLogger(GatewayEvents.class.getName());

  private final CopyOnWriteArrayList<GatewayEventListener> listeners = new CopyOnWriteArrayList<>();

  /** Adds a listener; closing the returned subscription removes it again. */
  public Subscription subscribe(GatewayEventListener listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Tells every listener, in subscription order. */
  public void publish(GatewayEvent event) {
    for (GatewayEventListener l : listeners) {
      try {
        l.on(event);
      } catch (RuntimeException e) {
        // an event subscriber's defect must never fail the request that caused the event; the
        // exception's message is not logged: a subscriber might have put data of the event in it
        LOG.log(Level.WARNING, "Event listener {0} failed on {1}: {2}",
            l.getClass().getName(), event.getClass().getSimpleName(), e.getClass().getName());
      }
    }
  }

  /** A subscription; {@link #close()} unsubscribes. */
  @FunctionalInterface
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
