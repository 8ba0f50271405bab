package org.keytriage.web.openai.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keytriage.core.gateway.Call;
import org.keytriage.core.gateway.Gateway;
import org.keytriage.core.upstream.GatewayResponse;
import org.keytriage.core.upstream.SseRelay;
import org.keytriage.web.http.ServedBy;
import org.keytriage.web.sse.StreamWorkers;

/**
 * Relays streamed completions through {@link org.keytriage.web.sse.SseStreams} (the application's one, {@link StreamWorkers}): each upstream chunk is written on as
 * {@code data: <chunk>} by core's {@link SseRelay}, {@code data: [DONE]} at the end, an error event
 * for a stream that broke. At most {@code keytriage.max-concurrent-streams} streams of every kind run at once.
 */
@ApplicationScoped
public class StreamRelays {
  @Inject Gateway gateway;
  @Inject StreamWorkers workers;

  /**
   * Starts the stream and answers once its first event is there.
   *
   * @throws RuntimeException what the gateway threw before the first chunk, for the exception mappers
   */
  public Response relay(Call call) {
    return workers.streams().relay(call.taskType(), pipe -> {
      GatewayResponse r = gateway.stream(call, new SseRelay(pipe.frameOutput()));
      return Map.of(ServedBy.KEY_ID, r.keyId(), ServedBy.ATTEMPTS, r.attempts());
    });
  }
}
