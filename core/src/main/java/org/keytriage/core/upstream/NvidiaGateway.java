package org.keytriage.core.upstream;

import org.keytriage.core.KeyTriage;
import org.keytriage.core.routing.NoAvailableKeyException;
import org.keytriage.core.upstream.internal.DefaultNvidiaGateway;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.UpstreamRequest;

/**
 * Calls NVIDIA's OpenAI-compatible API for a task type: chooses a key, calls, settles tokens and
 * cost, and fails over as described in the package comment. Thread-safe; one HTTP client (pooled,
 * HTTP/2 and HTTP/1.1) per gateway. Create one per {@link KeyTriage} — creating it installs its
 * settings' {@link org.keytriage.core.routing.RoutingGuards} in that engine's router — and close it
 * when done.
 *
 * <p>Token accounting: before the call, {@code max(hints.estimatedTokens, estimate)} is reserved,
 * where estimate = ceil(characters of message text / 4) + 4 per message, plus {@code max_tokens}
 * (or the default completion tokens); afterwards the real {@code usage} replaces it.
 */
public interface NvidiaGateway extends AutoCloseable {

  /** A gateway over {@code keyTriage} with these settings. */
  static NvidiaGateway create(KeyTriage keyTriage, UpstreamSettings settings) {
    return new DefaultNvidiaGateway(keyTriage, settings);
  }

  /** A gateway over {@code keyTriage} with {@link UpstreamSettings#defaults()}. */
  static NvidiaGateway create(KeyTriage keyTriage) {
    return create(keyTriage, UpstreamSettings.defaults());
  }

  /**
   * Makes a non-streaming call ({@code stream} is removed from the body).
   *
   * @throws UpstreamClientErrorException the upstream refused the request itself (4xx)
   * @throws NoAvailableKeyException no key left to try; the message names the last failure
   * @throws UpstreamDeadlineExceededException the request deadline ran out
   * @throws org.keytriage.core.routing.UnknownTaskTypeException for an unknown task type
   */
  GatewayResponse complete(String taskType, UpstreamRequest request, RoutingHints hints);

  /**
   * Makes a streaming call ({@code stream: true} and {@code stream_options.include_usage: true} are
   * set in the body) and relays each chunk to {@code listener} as it arrives. Returns when the
   * upstream sent {@code [DONE]}; the returned body is the assembled answer.
   *
   * @throws StreamBrokenException the stream broke after chunks were relayed (the listener got
   *     {@link StreamListener#onError})
   * @throws UpstreamClientErrorException as for {@link #complete}
   * @throws NoAvailableKeyException as for {@link #complete}
   * @throws UpstreamDeadlineExceededException as for {@link #complete}
   */
  GatewayResponse stream(
      String taskType, UpstreamRequest request, RoutingHints hints, StreamListener listener);

  UpstreamSettings settings();

  /** Stops the HTTP client's threads; calls in flight fail. */
  @Override
  void close();
}
