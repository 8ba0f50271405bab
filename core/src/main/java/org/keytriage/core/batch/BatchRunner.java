package org.keytriage.core.batch;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Works through a batch's items with at most {@code concurrency} in flight: it hands the executor
 * that many workers, each taking the next unclaimed item until none is left or the batch is
 * cancelled. Items are claimed only when a worker is free, so a cancel stops everything not yet
 * sent. The executor bounds the threads of all batches together.
 */
public final class BatchRunner {
  private static final Logger LOG = Logger.getLogger(BatchRunner.class.getName());

  /** Runs one item; an exception it throws is recorded as a failed item ({@code internal_error}). */
  @FunctionalInterface
  public interface ItemWork {
    ItemResult run(String taskType, int index, Map<String, Object> input);
  }

  private final Executor executor;
  private final int concurrency;
  private final ItemWork work;
  private final Consumer<Batch> onFinished;

  /**
   * @param executor runs the workers; bounded by whoever owns it
   * @param concurrency items of one batch in flight at once, at least 1
   * @param work runs one item
   * @param onFinished told once a batch has finished (on the last worker's thread), e.g. to log it
   */
  public BatchRunner(Executor executor, int concurrency, ItemWork work, Consumer<Batch> onFinished) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
    }
    this.executor = Objects.requireNonNull(executor, "executor");
    this.concurrency = concurrency;
    this.work = Objects.requireNonNull(work, "work");
    this.onFinished = Objects.requireNonNull(onFinished, "onFinished");
  }

  /**
   * Starts the batch's workers and returns at once.
   *
   * @throws RejectedExecutionException when the executor takes no worker at all (it is shutting
   *     down); the batch is then cancelled
   */
  public void start(Batch batch) {
    int workers = Math.min(concurrency, batch.total());
    int accepted = 0;
    for (int i = 0; i < workers; i++) {
      try {
        executor.execute(() -> drain(batch));
        accepted++;
      } catch (RejectedExecutionException e) {
        if (accepted == 0) {
          batch.cancel();
          throw e;
        }
        break; // fewer workers than asked, but the batch still runs
      }
    }
  }

  private void drain(Batch batch) {
    if (!batch.workerStarts()) {
      return;
    }
    try {
      OptionalInt next;
      while (!Thread.currentThread().isInterrupted() && (next = batch.claimNext()).isPresent()) {
        int index = next.getAsInt();
        batch.record(runOne(batch, index));
      }
    } finally {
      batch.workerEnds();
      if (batch.finished() && batch.claimFinishedNotice()) {
        onFinished.accept(batch);
      }
    }
  }

  private ItemResult runOne(Batch batch, int index) {
    try {
      return work.run(batch.taskType(), index, batch.input(index));
    } catch (RuntimeException e) {
      // the class only: an unexpected exception's message might quote the input
      LOG.log(Level.WARNING, "Batch {0} item {1} failed unexpectedly: {2}",
          new Object[] {batch.id(), index, e.getClass().getName()});
      return ItemResult.failed(index, "internal_error", "The item could not be processed.");
    }
  }
}
