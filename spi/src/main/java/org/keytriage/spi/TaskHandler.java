package org.keytriage.spi;

import java.util.List;

/**
 * Everything task-specific about one task type: what input it takes, which NVIDIA request it makes,
 * how it reads the answer, and what the router should know about the request.
 *
 * <p>Implementations are stateless or thread-safe; the gateway calls them from many threads. None
 * of the methods may log input or output content: it may be patient data.
 */
public interface TaskHandler {

  /** The task type id this handler serves, equal to its factory's id. */
  String taskType();

  /**
   * Checks the input. Never throws for bad input.
   *
   * @return one error per bad field; empty when the input is valid
   */
  List<FieldError> validate(TaskInput input);

  /** Routing hints for a valid input; {@link RoutingHints#estimatedTokens()} feeds the reservation. */
  RoutingHints routingHints(TaskInput input);

  /** Builds the upstream request for a valid input. */
  UpstreamRequest buildRequest(TaskInput input);

  /**
   * Reads a successful upstream answer into the typed result; falls back to an unstructured result
   * (never throws) when the model's output is not the JSON it was asked for.
   */
  TaskResult parseResponse(TaskInput input, UpstreamResponse response);
}
