package org.keytriage.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keytriage.core.testing.MutableClock;

/** The runner's bounded concurrency, results, costs and cancel, without a server. */
class BatchRunnerTest {
  private final MutableClock clock = new MutableClock();
  private final AtomicInteger ids = new AtomicInteger();
  private final ExecutorService pool = Executors.newFixedThreadPool(16);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private Batch batch(List<Map<String, Object>> items) {
    return new Batch("b-" + ids.incrementAndGet(), "ehr", "batch_processing", items, clock);
  }

  private static List<Map<String, Object>> items(int n) {
    return IntStream.range(0, n).mapToObj(i -> Map.<String, Object>of("text", "record " + i)).toList();
  }

  private static void await(Batch b) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!b.finished() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(b.finished()).as("batch finished in time").isTrue();
  }

  @Test
  void everyItemRunsOnceAtMostConcurrencyAtATimeAndTheCostIsTheSumOfItems() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    AtomicInteger finishedNotices = new AtomicInteger();
    BatchRunner runner = new BatchRunner(pool, 4, (taskType, i, input) -> {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inFlight.decrementAndGet();
      if (i % 10 == 7) {
        return ItemResult.failed(i, "no_available_key", "No available API key for task: " + taskType);
      }
      return ItemResult.served(i, "batch_primary", 0.001 * (i + 1), Map.of("result", Map.of("summary", "s")));
    }, b -> finishedNotices.incrementAndGet());
    Batch batch = batch(items(200));

    runner.start(batch);
    await(batch);

    assertThat(batch.status()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(batch.completed()).isEqualTo(180);
    assertThat(batch.failed()).isEqualTo(20);
    assertThat(batch.skipped()).isZero();
    assertThat(batch.results()).extracting(ItemResult::index).containsExactlyElementsOf(IntStream.range(0, 200).boxed().toList());
    assertThat(maxInFlight.get()).isBetween(1, 4);
    double sum = batch.results().stream().mapToDouble(ItemResult::cost).sum();
    assertThat(batch.costSoFar()).isCloseTo(sum, within(1e-12));
    assertThat(finishedNotices.get()).isEqualTo(1);
    assertThat(batch.input(0)).as("inputs are dropped once finished").isNull();

    assertThat(batch.results()).filteredOn(r -> !r.succeeded()).extracting(ItemResult::errorCode)
        .containsOnly("no_available_key");
  }

  @Test
  void cancelStopsItemsNotYetSentAndLetsTheOnesInFlightFinish() throws Exception {
    CountDownLatch started = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    BatchRunner runner = new BatchRunner(pool, 2, (taskType, i, input) -> {
      calls.incrementAndGet();
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ItemResult.served(i, "batch_primary", 0.01, Map.of());
    }, b -> { });
    Batch batch = batch(items(50));
    runner.start(batch);
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(batch.cancel()).isTrue();
    assertThat(batch.status()).isEqualTo(BatchStatus.CANCELLED);
    assertThat(batch.finished()).as("two items are still in flight").isFalse();
    release.countDown();
    await(batch);

    assertThat(calls.get()).isEqualTo(2);
    assertThat(batch.completed()).isEqualTo(2);
    assertThat(batch.skipped()).isEqualTo(48);
    assertThat(batch.status()).isEqualTo(BatchStatus.CANCELLED);
    assertThat(batch.cancel()).as("a second cancel changes nothing").isFalse();
    assertThat(batch.total() - batch.completed() - batch.failed() - batch.skipped()).as("pending").isZero();
  }

  @Test
  void aBatchCancelledBeforeAnyWorkerStartedFinishesAtOnceAndSendsNothing() {
    List<Runnable> queued = new java.util.ArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    BatchRunner runner = new BatchRunner(queued::add, 4, (t, i, in) -> {
      calls.incrementAndGet();
      return ItemResult.served(i, "k", 1, Map.of());
    }, b -> { });
    Batch batch = batch(items(10));
    runner.start(batch);

    batch.cancel();
    queued.forEach(Runnable::run);

    assertThat(batch.finished()).isTrue();
    assertThat(calls.get()).isZero();
    assertThat(batch.skipped()).isEqualTo(10);
    assertThat(batch.finishedAt()).contains(clock.instant());
  }

  @Test
  void anItemThatThrowsIsRecordedAsFailedWithoutItsMessage() throws Exception {
    BatchRunner runner = new BatchRunner(pool, 3, (t, i, in) -> {
      throw new IllegalStateException("secret patient text " + in);
    }, b -> { });
    Batch batch = batch(items(5));
    runner.start(batch);
    await(batch);
    assertThat(batch.failed()).isEqualTo(5);
    assertThat(batch.results()).allSatisfy(r -> {
      assertThat(r.errorCode()).isEqualTo("internal_error");
      assertThat(r.errorMessage()).doesNotContain("patient");
    });
  }
}
