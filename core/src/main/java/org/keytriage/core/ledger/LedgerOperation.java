package org.keytriage.core.ledger;

import java.io.Serializable;

/**
 * One atomic decision on one key's window. Backends guarantee that no other operation on the same
 * key runs while {@link #apply} runs; the operation itself carries the time it happens at, so every
 * backend decides with the caller's (injected) clock.
 *
 * <p>Serializable so a distributed backend can ship it to the key's owner.
 *
 * @param <R> what the decision returns
 */
@FunctionalInterface
public interface LedgerOperation<R> extends Serializable {

  /** Applies the decision, mutating {@code window} in place, and returns its result. */
  R apply(UsageWindow window);
}
