package org.keytriage.web.batches;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.routing.NoAvailableKeyException;
import org.keytriage.core.upstream.UpstreamClientErrorException;
import org.keytriage.core.upstream.UpstreamDeadlineExceededException;
import org.keytriage.core.upstream.UpstreamException;
import org.keytriage.spi.TaskResult;
import org.keytriage.tasks.InvalidTaskInputException;
import org.keytriage.tasks.TaskOutcome;
import org.keytriage.web.batches.internal.Batch;
import org.keytriage.web.batches.internal.BatchRegistry;
import org.keytriage.web.batches.internal.BatchRequest;
import org.keytriage.web.batches.internal.BatchRunner;
import org.keytriage.web.batches.internal.ItemResult;
import org.keytriage.web.config.BatchSettings;
import org.keytriage.web.config.WebSettings;
import org.keytriage.web.tasks.MeteredTasks;
import org.keytriage.web.tasks.internal.OutcomeViews;

/**
 * Submits, finds and cancels batches: the registry ({@code keytriage.batch.max-batches}, {@code
 * retention-minutes}), the runner ({@code concurrency} items in flight per batch) and one bounded
 * pool of {@code keytriage.batch.threads} daemon threads for all batches, shut down with the
 * application — so no batch outlives it. Each item goes through {@link MeteredTasks#batchItem} and
 * is counted in the request metrics.
 */
@ApplicationScoped
public class BatchService {
  private static final Logger LOG = Logger.getLogger(BatchService.class.getName());

  @Inject MeteredTasks tasks;
  @Inject WebSettings settings;
  @Inject KeyTriage keyTriage;

  private ThreadPoolExecutor threads;
  private BatchRegistry registry;
  private BatchRunner runner;

  @PostConstruct
  void start() {
    BatchSettings s = settings.batch();
    AtomicInteger n = new AtomicInteger();
    // an unbounded queue of workers, not of items: at most max-batches × concurrency entries
    threads = new ThreadPoolExecutor(s.threads(), s.threads(), 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "keytriage-batch-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    threads.allowCoreThreadTimeOut(true);
    registry = new BatchRegistry(s.maxBatches(), s.retention(), Clock.systemUTC());
    runner = new BatchRunner(threads, s.concurrency(), this::runItem, BatchService::logFinished);
  }

  @PreDestroy
  void stop() {
    registry.all().forEach(Batch::cancel);
    threads.shutdownNow();
  }

  /**
   * Checks the whole batch with the task's handler and starts it.
   *
   * @throws InvalidTaskInputException naming every bad field as {@code items[i].field}
   */
  public Batch submit(String owner, BatchRequest request) {
    request.validateItems(tasks.service()::validate);
    Batch batch = registry.create(owner, request.taskType(), request.items());
    runner.start(batch);
    LOG.log(Level.INFO, "Batch {0} of {1} {2} items started for integrator {3}",
        new Object[] {batch.id(), batch.total(), batch.taskType(), owner});
    return batch;
  }

  /** Whether a handler serves {@code taskType} and a key is configured for it. */
  public boolean handles(String taskType) {
    return taskTypes().contains(taskType);
  }

  /** The task types a batch can have, sorted. */
  public SortedSet<String> taskTypes() {
    SortedSet<String> served = new TreeSet<>(tasks.service().taskTypes());
    served.retainAll(keyTriage.router().taskTypes());
    return served;
  }

  public Optional<Batch> find(String id) {
    return registry.find(id);
  }

  private ItemResult runItem(String taskType, int index, Map<String, Object> input) {
    try {
      TaskOutcome<TaskResult> outcome = tasks.batchItem(taskType, input);
      Map<String, Object> answer = OutcomeViews.of(outcome);
      answer.remove("task_type");
      answer.remove("key_id");
      answer.remove("cost");
      return ItemResult.served(index, outcome.keyId(), outcome.cost(), answer);
    } catch (NoAvailableKeyException e) {
      return ItemResult.failed(index, "no_available_key", e.getMessage());
    } catch (UpstreamClientErrorException e) {
      return ItemResult.failed(index, "upstream_rejected", e.getMessage());
    } catch (UpstreamDeadlineExceededException e) {
      return ItemResult.failed(index, "deadline_exceeded", e.getMessage());
    } catch (UpstreamException e) {
      // the gateway's messages name task type, key id and status, never content
      return ItemResult.failed(index, "upstream_error", e.getMessage());
    } catch (InvalidTaskInputException e) {
      return ItemResult.failed(index, "invalid_input", e.getMessage());
    }
  }

  private static void logFinished(Batch b) {
    LOG.log(Level.INFO, "Batch {0} {1}: {2} served, {3} failed, {4} skipped of {5}; cost {6}",
        new Object[] {b.id(), b.status().json(), b.completed(), b.failed(), b.skipped(), b.total(),
            String.format(Locale.ROOT, "%.6f", b.costSoFar())});
  }
}
