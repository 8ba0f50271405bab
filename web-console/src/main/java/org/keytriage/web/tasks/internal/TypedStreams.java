package org.keytriage.web.tasks.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keytriage.core.gateway.Gateway;
import org.keytriage.core.gateway.TaskCall;
import org.keytriage.core.gateway.TextListener;
import org.keytriage.web.json.JsonText;
import org.keytriage.web.sse.SsePipe;
import org.keytriage.web.sse.StreamWorkers;

/**
 * Relays a typed task's text as server-sent events through {@link org.keytriage.web.sse.SseStreams} (the application's one, {@link StreamWorkers}), the way {@code /v1}
 * relays chunks. Events written: {@code data: {"delta":"…"}} per piece of text; once the task has
 * its typed result, {@code event: result} with the same JSON a non-streaming call answers, then
 * {@code data: [DONE]}; a stream that broke ends with {@code data: {"error":{…}}} and no {@code
 * [DONE]}, so a client never mistakes a truncated answer for a complete one. Typed streams and {@code /v1}
 * streams share the one cap, {@code keytriage.max-concurrent-streams}.
 */
@ApplicationScoped
public class TypedStreams {
  @Inject Gateway gateway;
  @Inject StreamWorkers workers;

  /**
   * Starts the task and answers once its first event is there.
   *
   * @throws RuntimeException what the task threw before its first event, for the exception mappers
   */
  public Response relay(TaskCall call) {
    return workers.streams().relay(call.taskType(), pipe -> {
      Map<String, Object> view = gateway.run(call.withListener(textTo(pipe))).asJsonTree();
      pipe.send("event: result\ndata: " + JsonText.write(view) + "\n\n");
      pipe.send("data: [DONE]\n\n");
      return Map.of();
    });
  }

  private static TextListener textTo(SsePipe pipe) {
    return new TextListener() {
      @Override
      public void onText(String delta) {
        pipe.send("data: " + JsonText.write(Map.of("delta", delta)) + "\n\n");
      }

      @Override
      public void onError(String message) {
        pipe.sendError(message);
      }
    };
  }
}
