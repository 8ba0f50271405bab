package org.keytriage.core.events;

import java.time.Instant;

/**
 * Something that happened to a request or a key. Metadata only: never a prompt, an answer or a
 * secret, so every subscriber may keep or show what it gets.
 */
public sealed interface GatewayEvent
    permits RequestServed, RequestFailed, AttemptFailed, KeyPenalised, BudgetCrossed, KeyChanged,
        StrategyChanged {

  /** When it happened, on the engine's clock. */
  Instant at();
}
