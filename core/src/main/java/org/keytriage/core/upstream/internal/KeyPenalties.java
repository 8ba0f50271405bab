package org.keytriage.core.upstream.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.alerts.Alert;
import org.keytriage.core.alerts.AlertType;
import org.keytriage.core.keys.CooldownPolicy;
import org.keytriage.core.keys.KeyState;

/**
 * What the upstream's refusals do to a key's state: a 429 cools it down, a 401/403 quarantines it.
 * Each is one atomic state update, a WARNING log line and an alert, naming the key id only.
 */
final class KeyPenalties {
  private static final System.Logger LOG = System.getLogger(KeyPenalties.class.getName());

  private final KeyTriage keyTriage;
  private final CooldownPolicy cooldown;

  KeyPenalties(KeyTriage keyTriage, CooldownPolicy cooldown) {
    this.keyTriage = keyTriage;
    this.cooldown = cooldown;
  }

  /**
   * Cools the key down until now + {@code retryAfter}, or, without one, for the exponential
   * default of its 429 streak; returns the cooldown applied.
   */
  Duration rateLimited(String keyId, Duration retryAfter) {
    long now = keyTriage.clock().millis();
    Duration[] applied = new Duration[1];
    keyTriage.updateState(
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
    keyTriage.alerts().raise(new Alert(AlertType.RATE_LIMITED, keyId, message, keyTriage.clock().instant()));
    return applied[0];
  }

  void quarantined(String keyId, int status) {
    KeyState before = keyTriage.state(keyId);
    keyTriage.updateState(keyId, s -> s.withQuarantined(true));
    if (before.quarantined()) {
      return; // another request got there first and has already said so
    }
    String message =
        "API key " + keyId + " quarantined: the upstream rejected its credentials (HTTP " + status
            + "). Rotate the key, then restore it.";
    LOG.log(Level.WARNING, message);
    keyTriage.alerts().raise(new Alert(AlertType.KEY_QUARANTINED, keyId, message, keyTriage.clock().instant()));
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
  }
}
