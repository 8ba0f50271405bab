package org.keytriage.core.batch;

import java.util.Map;
import java.util.Objects;
import org.keytriage.core.errors.ErrorCode;
import org.keytriage.core.errors.KeyTriageException;
import org.keytriage.core.events.Origin;
import org.keytriage.core.gateway.Gateway;
import org.keytriage.core.gateway.TaskCall;
import org.keytriage.core.gateway.TaskOutcome;
import org.keytriage.spi.TaskInput;
import org.keytriage.spi.TaskResult;

/**
 * Runs each batch item as a typed task through the {@link Gateway}, as {@link Origin#BATCH} work
 * (cheap keys, LOW priority). A failure becomes the item's error with the one vocabulary's code
 * ({@link ErrorCode#code()}): the same code a {@code /v1} caller and the metrics see.
 */
public final class GatewayItems implements BatchRunner.ItemWork {
  private final Gateway gateway;
  private final String callerId;

  /**
   * @param callerId who submitted the batch (an integrator's name), for events and the request log
   */
  public GatewayItems(Gateway gateway, String callerId) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.callerId = Objects.requireNonNull(callerId, "callerId");
  }

  @Override
  public ItemResult run(String taskType, int index, Map<String, Object> input) {
    TaskOutcome<TaskResult> outcome;
    try {
      outcome = gateway.run(new TaskCall(taskType, TaskInput.of(input), Origin.BATCH, callerId, null));
    } catch (KeyTriageException e) {
      // KeyTriage's messages name task type, key id and status, never content
      return ItemResult.failed(index, e.code().code(), e.getMessage());
    }
    return ItemResult.served(index, outcome);
  }

  /**
   * The item's answer in the API's shape: the typed task's members but for {@code task_type},
   * {@code key_id} and {@code cost}, which the item carries itself.
   */
  static Map<String, Object> answer(TaskOutcome<TaskResult> outcome) {
    Map<String, Object> m = outcome.asJsonTree();
    m.remove("task_type");
    m.remove("key_id");
    m.remove("cost");
    return m;
  }
}
