package org.keytriage.simulator.internal;

import org.keytriage.simulator.KeyBehaviour;

/** Turns a key's behaviour and a request's ordinal into that request's {@link ResponsePlan}. */
public final class FaultPlanner {
  private FaultPlanner() {}

  /**
   * @param ordinal how many requests of this key were admitted before this one; the draws depend on
   *     it rather than on arrival order across keys
   */
  public static ResponsePlan plan(KeyBehaviour b, long seed, long ordinal) {
    String label = b.label();
    long jitter =
        b.jitterMs() == 0
            ? 0
            : DeterministicDice.below(
                b.jitterMs() + 1, seed, label, ordinal, DeterministicDice.JITTER);
    int errorStatus = 0;
    if (b.errorRate() > 0
        && DeterministicDice.unit(seed, label, ordinal, DeterministicDice.ERROR) < b.errorRate()) {
      int pick =
          (int)
              DeterministicDice.below(
                  b.errorStatuses().size(), seed, label, ordinal, DeterministicDice.ERROR_STATUS);
      errorStatus = b.errorStatuses().get(pick);
    }
    return new ResponsePlan(
        b.latencyMs() + jitter,
        errorStatus,
        b.hang(),
        b.hangMs(),
        b.breakStreamAfterChunks(),
        b.streamChunkDelayMs());
  }
}
