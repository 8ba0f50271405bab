package org.keytriage.core.batch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One batch: its owner, task type and inputs, and each item's result as it comes. Thread-safe: the
 * runner's workers claim and record items while requests read progress and cancel.
 *
 * <p>The inputs are dropped as soon as the batch has finished, so a finished batch kept for reading
 * holds results only.
 */
public final class Batch {
  private final String id;
  private final String owner;
  private final String taskType;
  private final int total;
  private final Clock clock;
  private final Instant createdAt;
  private final AtomicReferenceArray<Map<String, Object>> inputs;
  private final AtomicReferenceArray<ItemResult> results;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger completed = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger workers = new AtomicInteger();
  private volatile boolean cancelled;
  private volatile Instant finishedAt;
  private boolean finishNoticed;

  public Batch(String id, String owner, String taskType, List<Map<String, Object>> inputs, Clock clock) {
    this.id = Objects.requireNonNull(id, "id");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.taskType = Objects.requireNonNull(taskType, "taskType");
    this.clock = clock;
    this.createdAt = clock.instant();
    this.total = inputs.size();
    this.inputs = new AtomicReferenceArray<>(inputs.toArray(new Map[0]));
    this.results = new AtomicReferenceArray<>(total);
    if (total == 0) {
      finishedAt = createdAt;
    }
  }

  public String id() {
    return id;
  }

  /** The integrator that created it. */
  public String owner() {
    return owner;
  }

  public String taskType() {
    return taskType;
  }

  public int total() {
    return total;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** When the last item ended (or the last worker stopped after a cancel); empty while running. */
  public Optional<Instant> finishedAt() {
    return Optional.ofNullable(finishedAt);
  }

  public int completed() {
    return completed.get();
  }

  public int failed() {
    return failed.get();
  }

  /** Items that were never sent because the batch was cancelled first; 0 until it has finished. */
  public int skipped() {
    return finishedAt == null ? 0 : total - completed.get() - failed.get();
  }

  public BatchStatus status() {
    if (cancelled) {
      return BatchStatus.CANCELLED;
    }
    return finishedAt != null ? BatchStatus.COMPLETED : BatchStatus.RUNNING;
  }

  /** Whether all of it has ended; a finished batch can expire. */
  public boolean finished() {
    return finishedAt != null;
  }

  /**
   * Stops the batch: no item not yet claimed will be sent; items in flight finish and are recorded.
   * A batch that has already completed stays completed.
   *
   * @return whether this call cancelled it
   */
  public synchronized boolean cancel() {
    if (cancelled || finishedAt != null) {
      return false;
    }
    cancelled = true;
    if (workers.get() == 0) {
      // no worker has started yet (all waiting for a thread): none will record the end
      finish();
    }
    return true;
  }

  /** The results so far, in item order. */
  public List<ItemResult> results() {
    List<ItemResult> out = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      ItemResult r = results.get(i);
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  /** The sum of the item costs so far, added in item order (the same sum a client makes). */
  public double costSoFar() {
    double sum = 0;
    for (ItemResult r : results()) {
      sum += r.cost();
    }
    return sum;
  }

  // ---- the runner's side ----

  /** A worker starts; false when the batch has already finished (e.g. cancelled while it waited). */
  synchronized boolean workerStarts() {
    if (finishedAt != null) {
      return false;
    }
    workers.incrementAndGet();
    return true;
  }

  /** The next item to run; empty once every item is claimed or the batch is cancelled. */
  OptionalInt claimNext() {
    if (cancelled) {
      return OptionalInt.empty();
    }
    int i = next.getAndIncrement();
    return i < total ? OptionalInt.of(i) : OptionalInt.empty();
  }

  Map<String, Object> input(int index) {
    return inputs.get(index);
  }

  void record(ItemResult result) {
    if (results.compareAndSet(result.index(), null, result)) {
      (result.succeeded() ? completed : failed).incrementAndGet();
    }
  }

  /** A worker has nothing more to do; the last one marks the batch finished. */
  synchronized void workerEnds() {
    if (workers.decrementAndGet() == 0 && (cancelled || next.get() >= total)) {
      finish();
    }
  }

  /** True exactly once, for the first caller after the batch finished: who reports the end. */
  synchronized boolean claimFinishedNotice() {
    if (finishedAt == null || finishNoticed) {
      return false;
    }
    finishNoticed = true;
    return true;
  }

  private void finish() {
    if (finishedAt == null) {
      finishedAt = clock.instant();
      for (int i = 0; i < total; i++) {
        inputs.set(i, null); // patient data is not kept longer than the work needs it
      }
    }
  }

  /** Ids and counts only. */
  @Override
  public String toString() {
    return "Batch[" + id + ", owner=" + owner + ", taskType=" + taskType + ", status=" + status().json()
        + ", total=" + total + ", completed=" + completed.get() + ", failed=" + failed.get() + "]";
  }
}
