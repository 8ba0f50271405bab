package org.keytriage.core.alerts;

/**
 * Receives alerts. Implementations must be thread-safe, fast and must not throw: alerts are raised
 * on the request path.
 */
@FunctionalInterface
public interface AlertSink {

  void raise(Alert alert);

  /** A sink that drops everything; for callers that do not want alerts. */
  static AlertSink discard() {
    return alert -> {};
  }
}
