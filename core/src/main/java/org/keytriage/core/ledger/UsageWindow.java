package org.keytriage.core.ledger;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One key's rolling window: 62 one-second slots of admitted requests and tokens with running
 * totals, so every read is O(1) after the window is advanced. Not thread-safe: a {@link
 * UsageLedger} backend applies {@link LedgerOperation}s to it one at a time.
 *
 * <p>An admission at second {@code S} counts the slots of seconds {@code S-61..S}, so a slot booked
 * at second {@code s} stops counting at {@code t = (s+62) s}: between 61 and 62 s after the
 * reservation. That is one second more than a 60 s window needs; the margin keeps the limits at the
 * upstream, which counts arrival times, for any difference in transit delay under one second (see
 * the package documentation).
 *
 * <p>Time never goes backwards here: an operation stamped before the newest second seen (clock
 * skew between cluster members) is booked in the newest slot, which is conservative.
 */
public final class UsageWindow implements Serializable {
  // 2: the slot arrays grew from 61 to 62; a member still on 61 slots must not share windows
  private static final long serialVersionUID = 2L;

  /**
   * Slots counted for an admission: the current second and the 61 before it (60 s of window plus
   * one second of margin for the transit delay to the upstream).
   */
  public static final int SLOTS = 62;

  private static final long NO_SECOND = Long.MIN_VALUE;

  private final long[] requests = new long[SLOTS];
  private final long[] tokens = new long[SLOTS];
  private long headSecond = NO_SECOND;
  private long totalRequests;
  private long totalTokens;

  /** Reserves one request and {@code estimatedTokens} tokens at {@code nowMillis}, if they fit. */
  public ReserveResult reserve(KeyLimits limits, long estimatedTokens, long nowMillis, String keyId) {
    long second = advance(nowMillis);
    if (estimatedTokens > limits.maxTpm()) {
      return ReserveResult.denied(DenialReason.REQUEST_TOO_LARGE, Long.MAX_VALUE, usage());
    }
    if (totalRequests >= limits.maxRpm() || estimatedTokens > limits.maxTpm() - totalTokens) {
      DenialReason reason =
          totalRequests >= limits.maxRpm() ? DenialReason.RPM_LIMIT : DenialReason.TPM_LIMIT;
      return ReserveResult.denied(reason, millisUntilFits(limits, estimatedTokens, nowMillis), usage());
    }
    int slot = slot(second);
    requests[slot]++;
    tokens[slot] += estimatedTokens;
    totalRequests++;
    totalTokens += estimatedTokens;
    return ReserveResult.admitted(new Reservation(keyId, second, estimatedTokens), usage());
  }

  /**
   * Replaces a reservation's estimate with the real token count. A reservation whose slot has left
   * the window no longer counts, so there is nothing to correct.
   */
  public UsageSnapshot settle(Reservation reservation, long actualTokens, long nowMillis) {
    advance(nowMillis);
    if (inWindow(reservation.slotSecond())) {
      int slot = slot(reservation.slotSecond());
      long delta = Math.max(actualTokens, 0) - reservation.tokens();
      long adjusted = Math.max(0, tokens[slot] + delta);
      totalTokens += adjusted - tokens[slot];
      tokens[slot] = adjusted;
    }
    return usage();
  }

  /** Gives a reservation's request and tokens back, e.g. when the call never left the gateway. */
  public UsageSnapshot release(Reservation reservation, long nowMillis) {
    advance(nowMillis);
    if (inWindow(reservation.slotSecond())) {
      int slot = slot(reservation.slotSecond());
      long freedRequests = Math.min(1, requests[slot]);
      long freedTokens = Math.min(reservation.tokens(), tokens[slot]);
      requests[slot] -= freedRequests;
      tokens[slot] -= freedTokens;
      totalRequests -= freedRequests;
      totalTokens -= freedTokens;
    }
    return usage();
  }

  /** The usage in the window ending at {@code nowMillis}. */
  public UsageSnapshot usageAt(long nowMillis) {
    advance(nowMillis);
    return usage();
  }

  /**
   * Raises every slot to at least the other window's value (and adopts its newer head): the merge
   * after a split brain must never lower recorded usage.
   */
  public void mergeMax(UsageWindow other) {
    long head = Math.max(headSecond, other.headSecond);
    advanceToSecond(head);
    other.advanceToSecond(head);
    for (int i = 0; i < SLOTS; i++) {
      requests[i] = Math.max(requests[i], other.requests[i]);
      tokens[i] = Math.max(tokens[i], other.tokens[i]);
    }
    totalRequests = Arrays.stream(requests).sum();
    totalTokens = Arrays.stream(tokens).sum();
  }

  private UsageSnapshot usage() {
    return new UsageSnapshot(totalRequests, totalTokens);
  }

  /**
   * Milliseconds until a request of this size fits: walks the slots oldest first, as each one
   * leaves the window, until the remaining usage leaves room.
   */
  private long millisUntilFits(KeyLimits limits, long estimatedTokens, long nowMillis) {
    long remainingRequests = totalRequests;
    long remainingTokens = totalTokens;
    for (long s = headSecond - (SLOTS - 1); s <= headSecond; s++) {
      int slot = slot(s);
      remainingRequests -= requests[slot];
      remainingTokens -= tokens[slot];
      if (remainingRequests + 1 <= limits.maxRpm()
          && remainingTokens + estimatedTokens <= limits.maxTpm()) {
        // slot s stops counting once the head reaches s + SLOTS
        long freeAtMillis = (s + SLOTS) * 1000L;
        return Math.max(1, freeAtMillis - nowMillis);
      }
    }
    return (long) SLOTS * 1000L;
  }

  private long advance(long nowMillis) {
    advanceToSecond(Math.floorDiv(nowMillis, 1000L));
    return headSecond;
  }

  private void advanceToSecond(long second) {
    if (headSecond == NO_SECOND) {
      headSecond = second;
      return;
    }
    if (second <= headSecond) {
      return;
    }
    if (second - headSecond >= SLOTS) {
      Arrays.fill(requests, 0);
      Arrays.fill(tokens, 0);
      totalRequests = 0;
      totalTokens = 0;
    } else {
      for (long s = headSecond + 1; s <= second; s++) {
        int slot = slot(s);
        totalRequests -= requests[slot];
        totalTokens -= tokens[slot];
        requests[slot] = 0;
        tokens[slot] = 0;
      }
    }
    headSecond = second;
  }

  private boolean inWindow(long second) {
    return second <= headSecond && headSecond - second < SLOTS;
  }

  private static int slot(long second) {
    return (int) Math.floorMod(second, (long) SLOTS);
  }
}
