package org.keytriage.core.accounting;

import java.util.function.Supplier;

/**
 * How an engine's metrics, health and advice see the whole cluster: each node publishes its own
 * counters ({@link AccountingSnapshot}) and reads everyone's. The default sees this node only.
 */
public interface CounterExchange {

  /** This node's counters plus the latest published by every other node. */
  AccountingSnapshot combine(AccountingSnapshot own);

  /**
   * Called once by the engine: keeps publishing {@code own} in the background until the returned
   * handle is closed (when the engine closes). The default publishes nothing.
   */
  default AutoCloseable publish(Supplier<AccountingSnapshot> own) {
    return () -> {};
  }

  /** This node only: no exchange. */
  static CounterExchange none() {
    return own -> own;
  }
}
