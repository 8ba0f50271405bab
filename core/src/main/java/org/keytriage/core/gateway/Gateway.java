package org.keytriage.core.gateway;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keytriage.core.events.Origin;
import org.keytriage.core.upstream.GatewayResponse;
import org.keytriage.core.upstream.StreamListener;
import org.keytriage.spi.FieldError;
import org.keytriage.spi.TaskResult;

/**
 * The only way a request reaches NVIDIA. Every entry — {@code /v1}, typed tasks, batch items,
 * {@code /v1/models}, library users — hands its request to one of these methods; from here on one
 * object owns it: route, reserve, call, fail over, settle, and publish what happened as a {@link
 * org.keytriage.core.events.GatewayEvent} (metrics, alerts and the request log subscribe).
 * Failures are {@link org.keytriage.core.errors.KeyTriageException}s with an {@link
 * org.keytriage.core.errors.ErrorCode}. Thread-safe; get it from {@link
 * org.keytriage.core.KeyTriage#gateway()}.
 *
 * <p>Token accounting: before the call, {@code max(hints.estimatedTokens, estimate)} is reserved,
 * where estimate = ceil(characters of message text / 4) + 4 per message, plus {@code max_tokens}
 * (or the default completion tokens); afterwards the real {@code usage} replaces it.
 */
public interface Gateway {

  /**
   * Makes a non-streaming call ({@code stream} is removed from the body).
   *
   * @throws org.keytriage.core.upstream.UpstreamClientErrorException the upstream refused the
   *     request itself (4xx)
   * @throws org.keytriage.core.routing.NoAvailableKeyException no key left to try; its refusal says
   *     why for each key, and the last upstream failure
   * @throws org.keytriage.core.upstream.UpstreamDeadlineExceededException the deadline ran out
   * @throws org.keytriage.core.routing.UnknownTaskTypeException for an unknown task type
   */
  GatewayResponse complete(Call call);

  /**
   * Makes a streaming call ({@code stream: true} and {@code stream_options.include_usage: true} are
   * set in the body) and relays each chunk to {@code listener} as it arrives. Returns when the
   * upstream sent {@code [DONE]}; the returned body is the assembled answer.
   *
   * @throws org.keytriage.core.upstream.StreamBrokenException the stream broke after chunks were
   *     relayed (the listener got {@link StreamListener#onError})
   * @throws org.keytriage.core.errors.KeyTriageException as for {@link #complete}
   */
  GatewayResponse stream(Call call, StreamListener listener);

  /**
   * Runs a typed task: its handler validates the input (nothing is sent or spent when it is
   * invalid), builds the request and its routing hints; the request is routed and called like
   * {@link #complete} (or {@link #stream}, relaying the text to the call's listener, for a
   * streaming task); the handler parses the answer.
   *
   * @throws InvalidTaskInputException the handler refused the input, naming each bad field
   * @throws org.keytriage.core.routing.UnknownTaskTypeException no handler serves the task type
   * @throws org.keytriage.core.errors.KeyTriageException as for {@link #complete}
   */
  TaskOutcome<TaskResult> run(TaskCall call);

  /**
   * Checks a task's input with its handler, sending nothing.
   *
   * @return one error per bad field (never echoing a value); empty when the input is valid
   * @throws org.keytriage.core.routing.UnknownTaskTypeException no handler serves the task type
   */
  List<FieldError> validate(TaskCall call);

  /** The task types a handler (built-in or a vendor's) serves. */
  Set<String> taskHandlerTypes();

  /**
   * The upstream's model list ({@code GET /v1/models}) as seen by a key of {@code taskType}: one
   * request against that key's limits, failing over like any call.
   *
   * @throws org.keytriage.core.errors.KeyTriageException as for {@link #complete}
   */
  Map<String, Object> models(String taskType, Origin origin, String callerId, String requestId);

  /** {@link #models(String, Origin, String, String)} with a new request id. */
  default Map<String, Object> models(String taskType, Origin origin, String callerId) {
    return models(taskType, origin, callerId, RequestIds.next());
  }
}
