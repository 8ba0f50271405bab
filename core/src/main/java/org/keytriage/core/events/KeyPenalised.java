package org.keytriage.core.events;

import java.time.Instant;
import java.util.Objects;

/**
 * The gateway took a key out of routing for a while (or until an operator restores it).
 *
 * @param at when
 * @param keyId the key
 * @param penalty what was done
 * @param detail the reason for people: what happened, for how long, what to do
 */
public record KeyPenalised(Instant at, String keyId, Penalty penalty, String detail) implements GatewayEvent {

  /** What the gateway did to the key. */
  public enum Penalty {
    /** The upstream answered 429: the key cools down. */
    RATE_LIMITED,
    /** Enough failures in a short time: the key's circuit opened. */
    CIRCUIT_OPENED,
    /** The upstream rejected the key's credentials (401/403): out until restored. */
    QUARANTINED
  }

  public KeyPenalised {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(penalty, "penalty");
    Objects.requireNonNull(detail, "detail");
  }
}
