package org.keytriage.simulator.internal;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.List;

/** {@code POST /v1/chat/completions}: OpenAI-compatible, plain or streamed. */
public final class ChatCompletionEndpoint implements ApiEndpoint {
  public static final String PATH = "/v1/chat/completions";

  @Override
  public String path() {
    return PATH;
  }

  @Override
  public String method() {
    return "POST";
  }

  @Override
  public Call prepare(byte[] body, SimulatorContext context) {
    ChatRequest request = ChatRequest.parse(body);
    return new Call() {
      @Override
      public long promptTokens() {
        return request.promptTokens();
      }

      @Override
      public long completionTokens() {
        return request.completionTokens();
      }

      @Override
      public void respond(HttpExchange exchange, ResponsePlan plan) throws IOException {
        answer(exchange, plan, request, context);
      }
    };
  }

  private static void answer(
      HttpExchange exchange, ResponsePlan plan, ChatRequest request, SimulatorContext context)
      throws IOException {
    List<String> words =
        CompletionText.words(request.promptHash(), (int) request.completionTokens());
    String content =
        request.wantsJson()
            ? TaskAnswer.json(request.task(), words, request.promptHash(), request.lastUserText())
                .orElseGet(() -> CompletionText.json(words))
            : CompletionText.plain(words);
    String id = context.nextId("chatcmpl");
    long created = context.clock().millis() / 1000;
    if (request.stream()) {
      new ChatStream(exchange, plan, context.shutdown())
          .send(id, created, request, content, usage(request));
      return;
    }
    JsonObject body =
        Json.object()
            .add("id", id)
            .add("object", "chat.completion")
            .add("created", created)
            .add("model", request.model())
            .add(
                "choices",
                Json.array()
                    .add(
                        Json.object()
                            .add("index", 0)
                            .add(
                                "message",
                                Json.object().add("role", "assistant").add("content", content))
                            .add("finish_reason", "stop")))
            .add("usage", usage(request))
            .build();
    HttpIo.sendJson(exchange, 200, body);
  }

  static JsonObject usage(ChatRequest request) {
    return Json.object()
        .add("prompt_tokens", request.promptTokens())
        .add("completion_tokens", request.completionTokens())
        .add("total_tokens", request.promptTokens() + request.completionTokens())
        .build();
  }
}
