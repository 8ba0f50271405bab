package org.keytriage.simulator.internal;

import java.time.Clock;
import org.keytriage.simulator.KeyBehaviour;

/**
 * One API key's live state: its current behaviour (replaceable at run time), its rate limiter and
 * the count of requests admitted so far, which drives the deterministic fault draws.
 */
public final class KeyState {
  /** The Retry-After sent by a key set to {@code always_429}: its capacity never frees. */
  static final int ALWAYS_429_RETRY_SECONDS = 60;

  private final String apiKey;
  private volatile KeyBehaviour behaviour;
  private final RollingWindowLimiter limiter = new RollingWindowLimiter();
  private long admitted;

  KeyState(String apiKey, KeyBehaviour behaviour) {
    this.apiKey = apiKey;
    this.behaviour = behaviour;
  }

  String apiKey() {
    return apiKey;
  }

  /** The current behaviour, with its label resolved (never null). */
  public KeyBehaviour behaviour() {
    return behaviour;
  }

  void behaviour(KeyBehaviour value) {
    behaviour = value;
  }

  /**
   * Judges a request under the behaviour {@code b} the caller read once for the whole request. The
   * clock is read under the lock, so the limiter sees time moving forward in admission order.
   *
   * @param promptTokens charged when the plan is an injected error
   * @param completionTokens added when the request will succeed
   */
  public synchronized Admission admit(
      KeyBehaviour b, Clock clock, long seed, long promptTokens, long completionTokens) {
    long now = clock.millis();
    if (b.always429()) {
      return new Admission(
          now, false, null, promptTokens, ALWAYS_429_RETRY_SECONDS, "key is set to always_429");
    }
    ResponsePlan plan = FaultPlanner.plan(b, seed, admitted);
    long tokens = plan.failing() ? promptTokens : promptTokens + completionTokens;
    RollingWindowLimiter.Decision decision = limiter.tryAcquire(now, tokens, b.rpm(), b.tpm());
    if (!decision.admitted()) {
      return new Admission(
          now, false, null, promptTokens, decision.retryAfterSeconds(), decision.reason());
    }
    admitted++;
    return new Admission(now, true, plan, tokens, 0, "");
  }

  /** Forgets the window and the admitted count, as at start. */
  synchronized void reset() {
    limiter.clear();
    admitted = 0;
  }
}
