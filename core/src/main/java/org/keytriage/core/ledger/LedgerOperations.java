package org.keytriage.core.ledger;

/**
 * The four operations of the ledger contract as {@link LedgerOperation}s. Records, so they are
 * serializable value objects that a distributed backend can ship as they are.
 */
public final class LedgerOperations {
  private LedgerOperations() {}

  /** Reserve 1 request + {@code tokens} for {@code keyId} at {@code nowMillis}. */
  public record Reserve(String keyId, KeyLimits limits, long tokens, long nowMillis)
      implements LedgerOperation<ReserveResult> {
    @Override
    public ReserveResult apply(UsageWindow window) {
      return window.reserve(limits, tokens, nowMillis, keyId);
    }
  }

  /** Replace a reservation's estimate with {@code actualTokens}. */
  public record Settle(Reservation reservation, long actualTokens, long nowMillis)
      implements LedgerOperation<UsageSnapshot> {
    @Override
    public UsageSnapshot apply(UsageWindow window) {
      return window.settle(reservation, actualTokens, nowMillis);
    }
  }

  /** Give a reservation back whole. */
  public record Release(Reservation reservation, long nowMillis)
      implements LedgerOperation<UsageSnapshot> {
    @Override
    public UsageSnapshot apply(UsageWindow window) {
      return window.release(reservation, nowMillis);
    }
  }

  /** Read the usage in the window ending at {@code nowMillis}. */
  public record ReadUsage(long nowMillis) implements LedgerOperation<UsageSnapshot> {
    @Override
    public UsageSnapshot apply(UsageWindow window) {
      return window.usageAt(nowMillis);
    }
  }
}
