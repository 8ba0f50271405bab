package org.keytriage.web.openai.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keytriage.core.gateway.Call;
import org.keytriage.core.gateway.Gateway;
import org.keytriage.core.upstream.GatewayResponse;
import org.keytriage.core.upstream.SseRelay;
import org.keytriage.web.config.WebSettings;
import org.keytriage.web.openai.ServedBy;
import org.keytriage.web.sse.SseStreams;

/**
 * Relays streamed completions through {@link SseStreams}: each upstream chunk is written on as
 * {@code data: <chunk>} by core's {@link SseRelay}, {@code data: [DONE]} at the end, an error event
 * for a stream that broke. At most {@code keytriage.max-concurrent-streams} run at once.
 */
@ApplicationScoped
public class StreamRelays {
  @Inject Gateway gateway;
  @Inject WebSettings settings;

  private SseStreams streams;

  @PostConstruct
  void start() {
    streams = new SseStreams("keytriage-stream", settings.maxConcurrentStreams(), settings.requestDeadline());
  }

  @PreDestroy
  void stop() {
    streams.close();
  }

  /**
   * Starts the stream and answers once its first event is there.
   *
   * @throws RuntimeException what the gateway threw before the first chunk, for the exception mappers
   */
  public Response relay(Call call) {
    return streams.relay(call.taskType(), pipe -> {
      GatewayResponse r = gateway.stream(call, new SseRelay(pipe.frameOutput()));
      return Map.of(ServedBy.KEY_ID, r.keyId(), ServedBy.ATTEMPTS, r.attempts());
    });
  }
}
