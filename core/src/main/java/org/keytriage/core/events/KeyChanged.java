package org.keytriage.core.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator (or a program on one's behalf) changed a key.
 *
 * @param at when
 * @param keyId the key
 * @param change what was done
 * @param actor who did it (an operator's login, {@code library} for a direct call)
 * @param reason why, as the operator gave it; may be empty
 * @param before the key's configuration before, as JSON with the secret masked; empty when it
 *     did not change (activation) or did not exist (added)
 * @param after the same after; empty when it did not change or was retired
 */
public record KeyChanged(
    Instant at, String keyId, Change change, String actor, String reason, String before, String after)
    implements GatewayEvent {

  /** What was done to the key. */
  public enum Change {
    ACTIVATED,
    DEACTIVATED,
    /** Quarantine, cooldown and circuit lifted; active again. */
    RESTORED,
    /** Added to the catalogue at run time. */
    ADDED,
    /** Its configuration (limits, priority, task types, cost, budgets, base URL) replaced at run time. */
    CHANGED,
    /** Taken out of the catalogue at run time. */
    RETIRED,
    /** Given a new secret: new calls use it at once, the old one is destroyed once its calls drained. */
    ROTATED
  }

  public KeyChanged {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(actor, "actor");
    reason = reason == null ? "" : reason;
    before = before == null ? "" : before;
    after = after == null ? "" : after;
  }

  /** A change whose configuration did not change (activation, restore). */
  public KeyChanged(Instant at, String keyId, Change change, String actor, String reason) {
    this(at, keyId, change, actor, reason, "", "");
  }
}
