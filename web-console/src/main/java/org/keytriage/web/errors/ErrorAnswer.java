package org.keytriage.web.errors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keytriage.core.config.ConfigException;
import org.keytriage.core.config.ConfigProblem;
import org.keytriage.core.errors.KeyTriageException;
import org.keytriage.core.gateway.InvalidTaskInputException;
import org.keytriage.core.json.JsonTrees;
import org.keytriage.core.upstream.UpstreamClientErrorException;
import org.keytriage.spi.FieldError;

/**
 * One error answer, rendered once in the shape the path's callers expect ({@link ErrorResponses}),
 * and written either as a JAX-RS {@link Response} or straight to a servlet response: the
 * operators' API and the OpenAI hot path answer every failure the same way.
 *
 * @param status the HTTP status
 * @param contentType {@code application/json} on {@code /v1}, problem details elsewhere
 * @param body the rendered JSON
 * @param headers extra headers, e.g. {@code Retry-After}
 */
public record ErrorAnswer(int status, String contentType, String body, Map<String, String> headers) {
  private static final Logger LOG = Logger.getLogger(ErrorAnswer.class.getName());

  public ErrorAnswer {
    headers = Map.copyOf(headers);
  }

  /** The answer to an error rendered from its parts; see {@link ErrorResponses#render}. */
  public static ErrorAnswer of(String path, int status, String code, String title, String detail,
      Map<String, String> headers, Map<String, Object> extensions) {
    String p = path.startsWith("/") ? path : "/" + path;
    if (ErrorResponses.openAiPath(p)) {
      return new ErrorAnswer(status, "application/json", JsonTrees.write(ErrorResponses.openAi(status, code, detail)), headers);
    }
    Map<String, Object> problem = ErrorResponses.problem(p, status, code, title, detail);
    problem.putAll(extensions);
    return new ErrorAnswer(status, ErrorResponses.PROBLEM_JSON, JsonTrees.write(problem), headers);
  }

  /** The application's own refusals (bad input, authentication, scope). */
  public static ErrorAnswer of(String path, ApiException e) {
    return of(path, e.status(), e.code(), e.title(), e.getMessage(), e.headers(), Map.of());
  }

  /**
   * Every failure of the engine, by its code: status, stable code and title from the code, the
   * message as the detail (it never holds a secret or content), {@code Retry-After} when the
   * failure knows when to retry. Two codes carry more: an invalid task input lists its bad fields
   * ({@code errors}), and an upstream's own refusal on {@code /v1} is passed on in OpenAI's shape as
   * NVIDIA sent it, so SDKs see NVIDIA's message.
   */
  public static ErrorAnswer of(String path, KeyTriageException e) {
    if (e instanceof UpstreamClientErrorException c) {
      Object upstreamError = c.errorJson().get("error");
      if (ErrorResponses.openAiPath(path) && upstreamError instanceof Map<?, ?>) {
        return new ErrorAnswer(c.status(), "application/json", JsonTrees.write(Map.of("error", upstreamError)), Map.of());
      }
      String upstreamMessage =
          upstreamError instanceof Map<?, ?> m && m.get("message") != null ? ": " + m.get("message") : "";
      return engine(path, e, e.getMessage() + upstreamMessage, Map.of());
    }
    if (e instanceof InvalidTaskInputException invalid) {
      List<Map<String, String>> errors = invalid.errors().stream().map(ErrorAnswer::entry).toList();
      String detail = errors.size() == 1
          ? "One field of the input is invalid: " + errors.get(0).get("field") + "; see errors."
          : errors.size() + " fields of the input are invalid; see errors.";
      return engine(path, e, detail, Map.of("errors", errors));
    }
    return engine(path, e, e.getMessage(), Map.of());
  }

  /**
   * A key the operators' API was given that the configuration loader's checks refuse: 400 with one
   * {@code errors} entry per problem, each naming the field and the fix (never the secret).
   */
  public static ErrorAnswer of(String path, ConfigException e) {
    List<Map<String, String>> errors = new java.util.ArrayList<>();
    for (ConfigProblem p : e.problems()) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("field", p.field() == null ? "" : p.field());
      m.put("message", p.message());
      errors.add(m);
    }
    String detail = errors.size() == 1 ? errors.get(0).get("message")
        : errors.size() + " fields of the key are not usable; see errors.";
    return of(path, 400, "invalid_key", "Invalid key", detail, Map.of(), Map.of("errors", errors));
  }

  /**
   * Anything nobody expected: a 500 whose body names an incident id and nothing else; the
   * exception is logged under that id, so the caller never sees a stack trace and the operator can
   * find it.
   */
  public static ErrorAnswer unexpected(String path, Throwable e) {
    path = path.startsWith("/") ? path : "/" + path;
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, incident " + incident + " on " + path, e);
    return of(path, 500, "internal_error", "Internal error",
        "An unexpected error occurred; it was logged as incident " + incident + ".", Map.of(), Map.of());
  }

  private static ErrorAnswer engine(String path, KeyTriageException e, String detail, Map<String, Object> extensions) {
    Map<String, String> headers = new LinkedHashMap<>();
    e.retryAfter().ifPresent(d -> headers.put("Retry-After", Long.toString(ceilSeconds(d))));
    return of(path, e.status(), e.code().code(), e.code().title(), detail, headers, extensions);
  }

  /** Whole seconds, rounded up, at least 1: what {@code Retry-After} can say. */
  public static long ceilSeconds(Duration d) {
    long ms = Math.max(0, d.toMillis());
    return Math.max(1, (ms + 999) / 1000);
  }

  private static Map<String, String> entry(FieldError error) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("field", error.field());
    m.put("message", error.message());
    return m;
  }

  /** As a JAX-RS response. */
  public Response toResponse() {
    Response.ResponseBuilder b = Response.status(status).type(contentType).entity(body);
    headers.forEach(b::header);
    return b.build();
  }

  /** Written to a servlet response that has not been committed. */
  public void write(HttpServletResponse response) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(contentType);
    response.setCharacterEncoding("UTF-8");
    headers.forEach(response::setHeader);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
