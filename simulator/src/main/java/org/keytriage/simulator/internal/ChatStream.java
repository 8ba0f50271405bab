package org.keytriage.simulator.internal;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a chat completion as server-sent events, in OpenAI's order: a role chunk, one chunk per
 * word, a chunk with {@code finish_reason}, an optional usage chunk ({@code choices: []}), then
 * {@code data: [DONE]}. Each event is flushed as written, over chunked transfer, so a client sees
 * it at once. A plan with {@code breakStreamAfterChunks} drops the connection instead of finishing.
 */
final class ChatStream {
  private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

  private final HttpExchange exchange;
  private final ResponsePlan plan;
  private final ShutdownSignal shutdown;

  ChatStream(HttpExchange exchange, ResponsePlan plan, ShutdownSignal shutdown) {
    this.exchange = exchange;
    this.plan = plan;
    this.shutdown = shutdown;
  }

  void send(String id, long created, ChatRequest request, String content, JsonObject usage)
      throws IOException {
    List<JsonObject> events = events(id, created, request, content, usage);
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0); // 0 = chunked: the length is not known up front
    OutputStream out = exchange.getResponseBody();
    int breakAfter = plan.breakStreamAfterChunks();
    int sent = 0;
    for (JsonObject event : events) {
      if (breakAfter > 0 && sent == breakAfter) {
        break;
      }
      if (sent > 0) {
        shutdown.pause(plan.streamChunkDelayMs());
      }
      out.write(("data: " + Json.write(event) + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      sent++;
    }
    if (breakAfter > 0) {
      throw new AbruptClose("stream broken after " + sent + " events, as scripted");
    }
    out.write(DONE);
    out.close();
  }

  private static List<JsonObject> events(
      String id, long created, ChatRequest request, String content, JsonObject usage) {
    List<JsonObject> events = new ArrayList<>();
    events.add(
        chunk(
            id, created, request, Json.object().add("role", "assistant").add("content", ""), null));
    for (String piece : CompletionText.streamPieces(content)) {
      events.add(chunk(id, created, request, Json.object().add("content", piece), null));
    }
    events.add(chunk(id, created, request, Json.object(), "stop"));
    if (request.includeUsage()) {
      events.add(
          header(id, created, request)
              .add("choices", JsonValue.EMPTY_JSON_ARRAY)
              .add("usage", usage)
              .build());
    }
    return events;
  }

  private static JsonObject chunk(
      String id, long created, ChatRequest request, JsonObjectBuilder delta, String finish) {
    JsonObjectBuilder choice = Json.object().add("index", 0).add("delta", delta);
    if (finish == null) {
      choice.addNull("finish_reason");
    } else {
      choice.add("finish_reason", finish);
    }
    return header(id, created, request).add("choices", Json.array().add(choice)).build();
  }

  private static JsonObjectBuilder header(String id, long created, ChatRequest request) {
    return Json.object()
        .add("id", id)
        .add("object", "chat.completion.chunk")
        .add("created", created)
        .add("model", request.model());
  }
}
