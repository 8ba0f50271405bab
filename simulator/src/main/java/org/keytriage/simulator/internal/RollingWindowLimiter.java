package org.keytriage.simulator.internal;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * A key's requests-per-minute and tokens-per-minute limits over a rolling 60 s window. Only
 * admitted requests are remembered, as NVIDIA counts only what it accepted, so a client that
 * retries a 429 does not dig itself deeper.
 *
 * <p>A request at time {@code now} sees the grants with time {@code > now - 60 s}, the mirror of
 * the witness log's half-open windows {@code [t, t + 60 s)}: together they guarantee that no such
 * window ever holds more than the limit. Not thread-safe: {@link KeyState} serialises access.
 */
final class RollingWindowLimiter {
  static final long WINDOW_MS = 60_000;

  /** The Retry-After for a request that can never fit (more tokens than the whole tpm). */
  static final int NEVER_FITS_RETRY_SECONDS = 60;

  private record Grant(long at, long tokens) {}

  /** The outcome: admitted, or refused with a reason and the seconds until it could fit. */
  record Decision(boolean admitted, int retryAfterSeconds, String reason) {
    static final Decision ADMIT = new Decision(true, 0, "");
  }

  private final ArrayDeque<Grant> grants = new ArrayDeque<>();
  private long tokensInWindow;

  Decision tryAcquire(long now, long tokens, long rpm, long tpm) {
    expire(now);
    long waitMs = 0;
    String reason = null;
    if (rpm > 0 && grants.size() + 1 > rpm) {
      // The (size - rpm)-th oldest grant must leave for one more request to fit.
      waitMs = expiryOfNth(grants.size() - rpm) - now;
      reason = "requests per minute limit of " + rpm + " reached";
    }
    if (tpm > 0 && tokensInWindow + tokens > tpm) {
      if (tokens > tpm) {
        return new Decision(
            false,
            NEVER_FITS_RETRY_SECONDS,
            "request needs " + tokens + " tokens, more than the tokens per minute limit of " + tpm);
      }
      long tokenWait = untilTokensFit(tokens, tpm) - now;
      if (reason == null || tokenWait > waitMs) {
        waitMs = tokenWait;
      }
      reason =
          (reason == null ? "" : reason + "; ")
              + "tokens per minute limit of "
              + tpm
              + " reached ("
              + tokensInWindow
              + " used, "
              + tokens
              + " requested)";
    }
    if (reason != null) {
      return new Decision(false, retryAfterSeconds(waitMs), reason);
    }
    grants.addLast(new Grant(now, tokens));
    tokensInWindow += tokens;
    return Decision.ADMIT;
  }

  void clear() {
    grants.clear();
    tokensInWindow = 0;
  }

  private void expire(long now) {
    while (!grants.isEmpty() && grants.peekFirst().at() <= now - WINDOW_MS) {
      tokensInWindow -= grants.removeFirst().tokens();
    }
  }

  private long expiryOfNth(long n) {
    Iterator<Grant> it = grants.iterator();
    Grant g = it.next();
    for (long i = 0; i < n; i++) {
      g = it.next();
    }
    return g.at() + WINDOW_MS;
  }

  private long untilTokensFit(long tokens, long tpm) {
    long remaining = tokensInWindow;
    for (Grant g : grants) {
      remaining -= g.tokens();
      if (remaining + tokens <= tpm) {
        return g.at() + WINDOW_MS;
      }
    }
    throw new IllegalStateException("unreachable: an empty window fits any request within tpm");
  }

  /** Whole seconds, rounded up and at least 1, so a client that waits them is never early. */
  private static int retryAfterSeconds(long waitMs) {
    long seconds = Math.max(1, (waitMs + 999) / 1000);
    return (int) Math.min(seconds, Integer.MAX_VALUE);
  }
}
