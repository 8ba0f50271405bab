package org.keytriage.core.upstream.internal;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import org.keytriage.core.events.GatewayEvents;
import org.keytriage.core.events.KeyPenalised;
import org.keytriage.core.keys.CooldownPolicy;
import org.keytriage.core.keys.KeyRegistry;

/**
 * What the upstream's refusals do to a key's state: a 429 cools it down, a 401/403 quarantines it.
 * Each is one atomic state update, a WARNING log line and a {@link KeyPenalised} event (alerts
 * subscribe), naming the key id only.
 */
final class KeyPenalties {
  private static final System.Logger LOG = System.getLogger(KeyPenalties.class.getName());

  private final KeyRegistry keys;
  private final CooldownPolicy cooldown;
  private final Clock clock;
  private final GatewayEvents events;

  KeyPenalties(KeyRegistry keys, CooldownPolicy cooldown, Clock clock, GatewayEvents events) {
    this.keys = keys;
    this.cooldown = cooldown;
    this.clock = clock;
    this.events = events;
  }

  /**
   * Cools the key down until now + {@code retryAfter}, or, without one, for the exponential
   * default of its 429 streak; returns the cooldown applied.
   */
  Duration rateLimited(String keyId, Duration retryAfter) {
    long now = clock.millis();
    // the update may run more than once (a compare-and-swap loop); the last run is the one applied
    Duration[] applied = new Duration[1];
    keys.update(
        keyId,
        s -> {
          Duration d = retryAfter != null ? retryAfter : cooldown.after(s.rateLimitStreak());
          applied[0] = d;
          return s.cooledUntil(now + d.toMillis()).withRateLimitStreak(s.rateLimitStreak() + 1);
        });
    LOG.log(Level.WARNING, "Rate limit hit for API key: {0}", keyId);
    String message =
        "Rate limit hit for API key: " + keyId + "; cooling down for " + seconds(applied[0])
            + (retryAfter != null ? " (Retry-After)" : " (no Retry-After: exponential default)");
    events.publish(new KeyPenalised(clock.instant(), keyId, KeyPenalised.Penalty.RATE_LIMITED, message));
    return applied[0];
  }

  /**
   * Quarantines the key. Decided in the one atomic update: only the request that turned the key
   * from usable to quarantined says so, however many saw the same 401 at once.
   */
  void quarantined(String keyId, int status) {
    boolean[] wasQuarantined = new boolean[1];
    keys.update(keyId, s -> {
      wasQuarantined[0] = s.quarantined();
      return s.withQuarantined(true);
    });
    if (wasQuarantined[0]) {
      return;
    }
    String message =
        "API key " + keyId + " quarantined: the upstream rejected its credentials (HTTP " + status
            + "). Rotate the key, then restore it.";
    LOG.log(Level.WARNING, message);
    events.publish(new KeyPenalised(clock.instant(), keyId, KeyPenalised.Penalty.QUARANTINED, message));
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
  }
}
