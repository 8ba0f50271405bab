package org.keytriage.web.batches;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Locale;
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
import org.keytriage.core.batch.Batch;
import org.keytriage.core.batch.BatchRunner;
import org.keytriage.core.batch.GatewayItems;
import org.keytriage.core.events.Origin;
import org.keytriage.core.gateway.Gateway;
import org.keytriage.core.gateway.TaskCall;
import org.keytriage.spi.TaskInput;
import org.keytriage.web.batches.internal.BatchRegistry;
import org.keytriage.web.batches.internal.BatchRequest;
import org.keytriage.web.config.BatchSettings;
import org.keytriage.web.config.WebSettings;

/**
 * Submits, finds and cancels batches: the registry ({@code keytriage.batch.max-batches}, {@code
 * retention-minutes}), core's batch engine ({@code concurrency} items in flight per batch) and one
 * bounded pool of {@code keytriage.batch.threads} daemon threads for all batches, shut down with
 * the application — so no batch outlives it. Each item is a typed task through the {@link Gateway}
 * as batch work, and so counted in the request metrics like any request.
 */
@ApplicationScoped
public class BatchService {
  private static final Logger LOG = Logger.getLogger(BatchService.class.getName());

  @Inject Gateway gateway;
  @Inject WebSettings settings;
  @Inject KeyTriage keyTriage;

  private ThreadPoolExecutor threads;
  private BatchRegistry registry;

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
  }

  @PreDestroy
  void stop() {
    registry.all().forEach(Batch::cancel);
    threads.shutdownNow();
  }

  /**
   * Validates every item (nothing is sent when one is invalid), registers the batch and starts it.
   *
   * @throws org.keytriage.core.gateway.InvalidTaskInputException naming {@code items[i].field}
   */
  public Batch submit(String owner, BatchRequest request) {
    request.validateItems((type, input) ->
        gateway.validate(new TaskCall(type, TaskInput.of(input), Origin.BATCH, owner, null)));
    Batch batch = registry.create(owner, request.taskType(), request.items());
    new BatchRunner(threads, settings.batch().concurrency(), new GatewayItems(gateway, owner),
        BatchService::logFinished).start(batch);
    LOG.log(Level.INFO, "Batch {0} of {1} {2} items started for integrator {3}",
        new Object[] {batch.id(), batch.total(), batch.taskType(), owner});
    return batch;
  }

  public boolean handles(String taskType) {
    return taskTypes().contains(taskType);
  }

  /** The task types a batch may be of: those with a handler that the engine routes. */
  public SortedSet<String> taskTypes() {
    SortedSet<String> served = new TreeSet<>(gateway.taskHandlerTypes());
    served.retainAll(keyTriage.taskTypes());
    return served;
  }

  /** Every batch kept (running, and finished ones until they expire). */
  public java.util.List<Batch> all() {
    return registry.all();
  }

  public Optional<Batch> find(String id) {
    return registry.find(id);
  }

  private static void logFinished(Batch b) {
    LOG.log(Level.INFO, "Batch {0} {1}: {2} served, {3} failed, {4} skipped of {5}; cost {6}",
        new Object[] {b.id(), b.status().json(), b.completed(), b.failed(), b.skipped(), b.total(),
            String.format(Locale.ROOT, "%.6f", b.costSoFar())});
  }
}
