package org.keytriage.core.alerts;

import java.time.Instant;
import java.util.Objects;

/**
 * One alert. Never carries a secret, a prompt or a response: the message names the key id and the
 * facts (status, cooldown, amounts) only.
 *
 * @param type what happened
 * @param keyId the key concerned, or {@code null} for a gateway-wide alert (a global budget)
 * @param message a sentence for a person
 * @param timestamp when it was raised, by the engine's clock
 */
public record Alert(AlertType type, String keyId, String message, Instant timestamp) {
  public Alert {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /** Whether the alert concerns the whole gateway rather than one key. */
  public boolean global() {
    return keyId == null;
  }
}
