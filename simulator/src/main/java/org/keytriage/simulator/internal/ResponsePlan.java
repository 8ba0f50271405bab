package org.keytriage.simulator.internal;

import org.keytriage.simulator.WitnessEntry;

/**
 * What the simulator will do with one admitted request, decided up front so that the witness log
 * can record the outcome (and the limiter its tokens) at admission time.
 *
 * @param delayMs latency plus jitter before answering
 * @param errorStatus the injected 5xx status, or 0 to answer normally
 * @param hang whether to hold the request before answering
 * @param hangMs how long to hold it; 0 = never answer
 * @param breakStreamAfterChunks drop a stream after this many events; 0 = never
 * @param streamChunkDelayMs pause between streamed events
 */
public record ResponsePlan(
    long delayMs,
    int errorStatus,
    boolean hang,
    long hangMs,
    int breakStreamAfterChunks,
    long streamChunkDelayMs) {

  public boolean failing() {
    return errorStatus != 0;
  }

  public boolean neverAnswers() {
    return hang && hangMs == 0;
  }

  /** The status the witness records. */
  public int status() {
    if (neverAnswers()) {
      return WitnessEntry.NO_RESPONSE;
    }
    return failing() ? errorStatus : 200;
  }
}
