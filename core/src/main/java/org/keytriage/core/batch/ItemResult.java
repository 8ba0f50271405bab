package org.keytriage.core.batch;

import java.util.Map;
import java.util.Objects;
import org.keytriage.core.gateway.TaskOutcome;
import org.keytriage.spi.TaskResult;

/**
 * How one batch item ended.
 *
 * @param index the item's position in the batch, from 0
 * @param keyId the key that served it; null when it failed before a key answered
 * @param cost what the item cost; 0 for a failed item (a failed call books nothing)
 * @param answer the typed answer's JSON members ({@code result}, {@code structured}, {@code
 *     tokens}, {@code attempts}, {@code latency_ms}); null when it failed
 * @param errorCode why it failed, an {@link org.keytriage.core.errors.ErrorCode#code()} such as {@code
 *     no_available_key}; null when served
 * @param errorMessage what went wrong: task type, key id and status at most, never content
 * @param outcome the task's outcome when it was served through the gateway (the library reads its
 *     typed result); null when it failed, or for an answer given as a map only
 */
public record ItemResult(
    int index,
    String keyId,
    double cost,
    Map<String, Object> answer,
    String errorCode,
    String errorMessage,
    TaskOutcome<TaskResult> outcome) {

  public ItemResult {
    if ((answer == null) == (errorCode == null)) {
      throw new IllegalArgumentException("exactly one of answer and errorCode must be given");
    }
  }

  public static ItemResult served(int index, String keyId, double cost, Map<String, Object> answer) {
    return new ItemResult(index, Objects.requireNonNull(keyId, "keyId"), cost, Objects.requireNonNull(answer, "answer"),
        null, null, null);
  }

  /** A task's outcome; the answer is rendered in the API's shape (see {@link GatewayItems}). */
  public static ItemResult served(int index, TaskOutcome<TaskResult> outcome) {
    return new ItemResult(index, outcome.keyId(), outcome.cost(), GatewayItems.answer(outcome), null, null, outcome);
  }

  public static ItemResult failed(int index, String code, String message) {
    return new ItemResult(index, null, 0, null, Objects.requireNonNull(code, "code"), message == null ? code : message,
        null);
  }

  public boolean succeeded() {
    return answer != null;
  }

  /** No content: the answer may be patient data. */
  @Override
  public String toString() {
    return "ItemResult[index=" + index + ", " + (succeeded() ? "key=" + keyId + ", cost=" + cost : "error=" + errorCode)
        + "]";
  }
}
