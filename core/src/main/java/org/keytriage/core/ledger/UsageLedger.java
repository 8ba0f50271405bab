package org.keytriage.core.ledger;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-key rolling-window usage, shared by everyone who routes requests to the same keys.
 *
 * <p>A backend implements one method, {@link #execute}, which must apply the operation to the key's
 * window atomically (no other operation on that key interleaves). Everything else is defined on top
 * of it here, so every backend makes exactly the same decisions. The contract suite {@code
 * UsageLedgerContract} checks any backend.
 */
public interface UsageLedger extends AutoCloseable {

  /** The clock that stamps every operation; injected so tests drive time. */
  Clock clock();

  /**
   * Applies {@code operation} to the window of {@code keyId} atomically, creating an empty window
   * first if the key has none.
   */
  <R> R execute(String keyId, LedgerOperation<R> operation);

  /** Atomically checks and reserves 1 request + {@code estimatedTokens} on the key. */
  default ReserveResult reserve(String keyId, KeyLimits limits, long estimatedTokens) {
    if (estimatedTokens < 0) {
      throw new IllegalArgumentException("estimatedTokens must be >= 0, was " + estimatedTokens);
    }
    return execute(
        keyId, new LedgerOperations.Reserve(keyId, limits, estimatedTokens, clock().millis()));
  }

  /** Replaces the reservation's estimate with the real token count after the call. */
  default UsageSnapshot settle(Reservation reservation, long actualTokens) {
    return execute(
        reservation.keyId(),
        new LedgerOperations.Settle(reservation, actualTokens, clock().millis()));
  }

  /** Gives the whole reservation back: the call never reached the upstream. */
  default UsageSnapshot release(Reservation reservation) {
    return execute(reservation.keyId(), new LedgerOperations.Release(reservation, clock().millis()));
  }

  /**
   * The key's usage now. Exact for an in-process ledger; a distributed backend may answer from a
   * recent local copy. Never used to admit a request, only to rank candidates and report.
   */
  default UsageSnapshot usage(String keyId) {
    return execute(keyId, new LedgerOperations.ReadUsage(clock().millis()));
  }

  /**
   * The usage of each key, for the strategy's view of a task route's candidates: like {@link
   * #usage}, never used to admit. The default asks {@link #usage} key by key (exact in process); a
   * distributed backend answers from this node's copies and refreshes stale ones in the background,
   * so that ranking candidates never waits for the grid.
   */
  default Map<String, UsageSnapshot> usageAll(Collection<String> keyIds) {
    Map<String, UsageSnapshot> out = new LinkedHashMap<>();
    for (String id : keyIds) {
      out.put(id, usage(id));
    }
    return out;
  }

  @Override
  default void close() {}
}
