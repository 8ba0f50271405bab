package org.keytriage.web.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Supplier;
import org.keytriage.spi.TaskResult;
import org.keytriage.tasks.ClinicalAiService;
import org.keytriage.tasks.InsightListener;
import org.keytriage.tasks.InvalidTaskInputException;
import org.keytriage.tasks.TaskOutcome;
import org.keytriage.web.observability.GatewayMetrics;

/**
 * Runs typed tasks through the application's {@link ClinicalAiService} and counts each one in the
 * request metrics like a {@code /v1} call: served by its key, or failed with the failure's outcome.
 * An input the handler refused is not counted: nothing was sent, as for a malformed {@code /v1}
 * body.
 */
@ApplicationScoped
public class MeteredTasks {
  @Inject ClinicalAiService service;
  @Inject GatewayMetrics metrics;

  /** One task, its whole result at once (a streaming task's text is assembled). */
  public TaskOutcome<TaskResult> run(String taskType, Map<String, Object> input) {
    return metered(taskType, () -> service.run(taskType, input));
  }

  /** One task whose text is relayed to {@code listener} as the model writes it. */
  public TaskOutcome<TaskResult> stream(String taskType, Map<String, Object> input, InsightListener listener) {
    return metered(taskType, () -> service.run(taskType, input, listener));
  }

  /** One batch item: cheap keys first, LOW priority (see {@link ClinicalAiService#runBatchItem}). */
  public TaskOutcome<TaskResult> batchItem(String taskType, Map<String, Object> input) {
    return metered(taskType, () -> service.runBatchItem(taskType, input));
  }

  /** The application's service, for validation and the task types it handles. */
  public ClinicalAiService service() {
    return service;
  }

  private TaskOutcome<TaskResult> metered(String taskType, Supplier<TaskOutcome<TaskResult>> call) {
    long started = System.nanoTime();
    TaskOutcome<TaskResult> outcome;
    try {
      outcome = call.get();
    } catch (InvalidTaskInputException refused) {
      throw refused;
    } catch (RuntimeException e) {
      metrics.failed(taskType, e, System.nanoTime() - started);
      throw e;
    }
    metrics.served(taskType, outcome.keyId(), outcome.tokens().total(), outcome.attempts(),
        System.nanoTime() - started);
    return outcome;
  }
}
