package org.keytriage.simulator.internal;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.keytriage.simulator.WitnessLog;

/**
 * What every endpoint of one running simulator shares.
 *
 * @param clock the injected clock: limiter windows, witness timestamps, {@code created} fields
 * @param seed the scenario's seed for fault draws
 * @param keys the known keys
 * @param witness the log of requests
 * @param shutdown raised when the simulator closes
 * @param maxHangMs how long a never-answering hang holds its connection
 * @param responseIds numbers the responses' ids
 */
public record SimulatorContext(
    Clock clock,
    long seed,
    KeyRegistry keys,
    WitnessLog witness,
    ShutdownSignal shutdown,
    long maxHangMs,
    AtomicLong responseIds) {

  /** A fresh response id with the given prefix, e.g. {@code chatcmpl-sim-00000001}. */
  public String nextId(String prefix) {
    return String.format("%s-sim-%08d", prefix, responseIds.incrementAndGet());
  }
}
