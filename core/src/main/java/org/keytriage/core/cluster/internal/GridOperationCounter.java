package org.keytriage.core.cluster.internal;

import java.util.concurrent.atomic.LongAdder;
import org.keytriage.core.cluster.GridOperations;

/**
 * Counts the operations that go through {@link GridCall}, which every grid access of the backends
 * does: one count when a thread waits for an answer, one when an operation is sent without waiting.
 * The per-thread counts let a test measure one request while other threads (the metrics publisher,
 * answers of background reads) use the same grid.
 */
final class GridOperationCounter implements GridOperations {
  private final LongAdder synchronous = new LongAdder();
  private final LongAdder asynchronous = new LongAdder();
  private final ThreadLocal<long[]> onThread = ThreadLocal.withInitial(() -> new long[2]);

  /** A thread is about to wait for one grid operation. */
  void waited() {
    synchronous.increment();
    onThread.get()[0]++;
  }

  /** A thread sent one grid operation and does not wait for it. */
  void sent() {
    asynchronous.increment();
    onThread.get()[1]++;
  }

  @Override
  public long synchronousTotal() {
    return synchronous.sum();
  }

  @Override
  public long asynchronousTotal() {
    return asynchronous.sum();
  }

  @Override
  public long synchronousOnThisThread() {
    return onThread.get()[0];
  }

  @Override
  public long asynchronousOnThisThread() {
    return onThread.get()[1];
  }
}
