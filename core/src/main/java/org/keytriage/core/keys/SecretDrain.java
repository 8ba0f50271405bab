package org.keytriage.core.keys;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.keytriage.core.config.Secret;

/**
 * Destroys secrets that are no longer used once the calls that may still hold them have drained:
 * a call routed before a rotation finishes with the old secret, none starts with it after. One
 * daemon thread, started with the first secret to destroy.
 */
final class SecretDrain implements AutoCloseable {
  /** The drain when none is given: longer than any request deadline KeyTriage ships with. */
  static final Duration DEFAULT_DRAIN = Duration.ofMinutes(2);

  private final Duration drain;
  private final Set<Secret> waiting = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService timer;

  SecretDrain(Duration drain) {
    this.drain = Objects.requireNonNull(drain, "drain");
  }

  synchronized void destroyLater(Secret secret) {
    if (timer == null) {
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "keytriage-secret-drain");
        t.setDaemon(true);
        return t;
      });
    }
    waiting.add(secret);
    timer.schedule(() -> {
      waiting.remove(secret);
      secret.destroy();
    }, drain.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Destroys every waiting secret now: the engine stops, and its calls with it. */
  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
    waiting.forEach(Secret::destroy);
    waiting.clear();
  }
}
