package org.keytriage.core.events;

/**
 * Hears events. Called on the thread that caused the event, in order, so it must be quick and
 * must not block: a subscriber that writes to a database queues the event and returns. A listener
 * that throws is logged and skipped; it never fails the request.
 */
@FunctionalInterface
public interface GatewayEventListener {
  void on(GatewayEvent event);
}
