package org.keytriage.core.gateway;

import java.util.Map;
import java.util.Objects;
import org.keytriage.core.events.Origin;
import org.keytriage.spi.TaskInput;

/**
 * One typed task: the task type's handler validates the input, builds the NVIDIA request and its
 * routing hints, and parses the answer.
 *
 * <p>A {@link Origin#BATCH} call is routed as batch work whatever the handler asked: cost-sensitive
 * and {@link org.keytriage.spi.ClinicalPriority#LOW}, so cheap keys serve it and the part of each
 * key's window that interactive work needs is left to it.
 *
 * @param taskType the task type
 * @param input the input fields (a JSON-like tree)
 * @param origin where it came from; {@link Origin#LIBRARY} when null
 * @param callerId who asked; {@code library} when null
 * @param listener hears a streaming task's text as the model writes it; null to only get the
 *     assembled result
 * @param requestId the request's id (see {@link Call#requestId()}); a new one when null
 */
public record TaskCall(
    String taskType, TaskInput input, Origin origin, String callerId, TextListener listener, String requestId) {

  public TaskCall {
    Objects.requireNonNull(taskType, "taskType");
    input = input == null ? TaskInput.of(Map.of()) : input;
    origin = origin == null ? Origin.LIBRARY : origin;
    callerId = callerId == null ? Call.LIBRARY_CALLER : callerId;
    requestId = requestId == null ? RequestIds.next() : requestId;
  }

  /** A task with a new request id. */
  public TaskCall(String taskType, TaskInput input, Origin origin, String callerId, TextListener listener) {
    this(taskType, input, origin, callerId, listener, null);
  }

  /** A library task without a listener. */
  public static TaskCall of(String taskType, Map<String, ?> input) {
    return new TaskCall(taskType, TaskInput.of(input), Origin.LIBRARY, Call.LIBRARY_CALLER, null);
  }

  /** The same task, with a listener for its streamed text. */
  public TaskCall withListener(TextListener value) {
    return new TaskCall(taskType, input, origin, callerId, value, requestId);
  }

  /** The same task, from another origin and caller. */
  public TaskCall from(Origin value, String caller) {
    return new TaskCall(taskType, input, value, caller, listener, requestId);
  }

  @Override
  public String toString() {
    // the input may be patient data: field names only
    return "TaskCall[taskType=" + taskType + ", input=" + input + ", origin=" + origin + ", callerId=" + callerId
        + ", requestId=" + requestId + "]";
  }
}
