package org.keytriage.web.openai;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.errors.KeyTriageException;
import org.keytriage.core.events.Origin;
import org.keytriage.core.gateway.Call;
import org.keytriage.core.upstream.GatewayResponse;
import org.keytriage.core.upstream.SseRelay;
import org.keytriage.web.config.WebSettings;
import org.keytriage.web.engine.KeyTriageEngine;
import org.keytriage.web.errors.ApiException;
import org.keytriage.web.errors.ErrorAnswer;
import org.keytriage.web.http.RequestIdFilter;
import org.keytriage.web.http.ServedBy;
import org.keytriage.web.http.TaskTypeHeader;
import org.keytriage.web.json.JsonText;
import org.keytriage.web.openai.internal.ChatRequest;
import org.keytriage.web.openai.internal.CommittingSseOutput;
import org.keytriage.web.security.Integrator;
import org.keytriage.web.security.Integrators;
import org.keytriage.web.security.TaskTypeResolver;
import org.keytriage.web.sse.StreamWorkers;

/**
 * {@code POST /v1/chat/completions}, OpenAI's chat API, routed to a key for the task type: the
 * gateway's hot path, a plain servlet rather than a JAX-RS resource because a proxy should not
 * rebuild what it relays. The body is read once as bytes and scanned for the fields routing needs
 * (no tree), sent on as those bytes, and the answer relayed as the upstream's bytes; a stream's
 * chunks go from the upstream's bytes to the client's as they come, on the HTTP client's thread,
 * while the request thread waits (no worker per stream). Every check of the JAX-RS path is kept,
 * in its order: integrator token (401), task type and scope (400/403), {@code Content-Type}
 * (415), size (413), body (400); every failure is answered as the rest of {@code /v1} answers it
 * ({@link ErrorAnswer}, OpenAI's error shape). The OpenAPI document describes it with the rest of
 * the API ({@code META-INF/openapi.yaml}).
 */
@WebServlet(name = "keytriage-chat-completions", urlPatterns = ChatRequest.PATH)
public class ChatCompletionsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient KeyTriageEngine engine;
  @Inject transient WebSettings settings;
  @Inject transient Integrators integrators;
  @Inject transient StreamWorkers streams;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try {
      if (!"POST".equals(request.getMethod())) {
        throw new ApiException(405, "method_not_allowed", "Method Not Allowed",
            request.getMethod() + " is not allowed on " + ChatRequest.PATH + ".", Map.of("Allow", "POST"));
      }
      Integrator integrator = integrators.bearer(request.getHeader("Authorization"));
      KeyTriage keyTriage = engine.running();
      String taskType = TaskTypeResolver.resolve(request.getHeader(TaskTypeHeader.NAME),
          settings.defaultTaskType(), integrator, keyTriage.taskTypes());
      if (!isJson(request.getContentType())) {
        throw new ApiException(415, "unsupported_media_type", "Unsupported Media Type",
            "Send the body as JSON with the header Content-Type: application/json.");
      }
      ChatRequest chat = ChatRequest.read(body(request));
      Call call = new Call(taskType, chat.body(), chat.hints(), Origin.OPENAI, integrator.name(),
          RequestIdFilter.of(request));
      if (chat.streaming()) {
        stream(keyTriage, call, response);
      } else {
        complete(keyTriage, call, response);
      }
    } catch (ApiException e) {
      answer(request, response, ErrorAnswer.of(ChatRequest.PATH, e));
    } catch (KeyTriageException e) {
      answer(request, response, ErrorAnswer.of(ChatRequest.PATH, e));
    } catch (RuntimeException e) {
      answer(request, response, ErrorAnswer.unexpected(ChatRequest.PATH, e));
    }
  }

  private static void complete(KeyTriage keyTriage, Call call, HttpServletResponse response) throws IOException {
    GatewayResponse answer = keyTriage.gateway().complete(call);
    byte[] body = answer.bodyBytes();
    response.setStatus(200);
    response.setContentType("application/json");
    response.setHeader(ServedBy.KEY_ID, answer.keyId());
    response.setHeader(ServedBy.ATTEMPTS, Integer.toString(answer.attempts()));
    response.setHeader(ServedBy.TASK_TYPE, call.taskType());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * Relays the stream on this thread's response. A failure before the first event is answered
   * with its status; after it, the stream has said so itself with an error event.
   */
  private void stream(KeyTriage keyTriage, Call call, HttpServletResponse response) {
    CommittingSseOutput out = new CommittingSseOutput(response, call.taskType());
    try (StreamWorkers.Permit permit = streams.enter()) {
      keyTriage.gateway().stream(call, new SseRelay(out));
    } catch (RuntimeException e) {
      if (!out.started()) {
        throw e;
      }
      // started: a broken stream has sent its error event, or the client went away
    }
  }

  private byte[] body(HttpServletRequest request) throws IOException {
    long max = settings.maxRequestBytes();
    long declared = request.getContentLengthLong();
    if (declared > max) {
      throw JsonText.tooLarge(max);
    }
    try (InputStream in = request.getInputStream()) {
      return JsonText.readBytes(in, max);
    }
  }

  /** {@code application/json}, with or without parameters ({@code charset=utf-8}). */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    return type.equalsIgnoreCase("application/json");
  }

  private static void answer(HttpServletRequest request, HttpServletResponse response, ErrorAnswer answer)
      throws IOException {
    if (response.isCommitted()) {
      return; // a stream that had started: its error event has been sent
    }
    response.reset();
    response.setHeader(RequestIdFilter.HEADER, RequestIdFilter.of(request)); // reset() took it
    answer.write(response);
  }
}
