package org.keytriage.web.errors.internal;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keytriage.core.errors.ErrorCode;
import org.keytriage.core.errors.KeyTriageException;
import org.keytriage.core.gateway.InvalidTaskInputException;
import org.keytriage.core.json.JsonTrees;
import org.keytriage.core.upstream.UpstreamClientErrorException;
import org.keytriage.spi.FieldError;
import org.keytriage.web.errors.ErrorResponses;

/**
 * Renders every failure of the engine once, by its {@link ErrorCode}: status, stable code and
 * title from the code, the message as the detail (it never holds a secret or content), {@code
 * Retry-After} when the failure knows when to retry. Two codes carry more: an invalid task input
 * lists its bad fields ({@code errors}), and an upstream's own refusal on {@code /v1} is passed on
 * in OpenAI's shape as NVIDIA sent it, so SDKs see NVIDIA's message.
 */
@Provider
public class KeyTriageExceptionMapper implements ExceptionMapper<KeyTriageException> {
  @Context UriInfo uri;

  @Override
  public Response toResponse(KeyTriageException e) {
    String path = uri.getPath();
    if (e instanceof UpstreamClientErrorException c) {
      Object upstreamError = c.errorJson().get("error");
      if (ErrorResponses.openAiPath(path) && upstreamError instanceof Map<?, ?>) {
        return Response.status(c.status()).type("application/json")
            .entity(JsonTrees.write(Map.of("error", upstreamError))).build();
      }
      String upstreamMessage =
          upstreamError instanceof Map<?, ?> m && m.get("message") != null ? ": " + m.get("message") : "";
      return render(path, e, e.getMessage() + upstreamMessage, Map.of());
    }
    if (e instanceof InvalidTaskInputException invalid) {
      List<Map<String, String>> errors = invalid.errors().stream().map(KeyTriageExceptionMapper::entry).toList();
      String detail = errors.size() == 1
          ? "One field of the input is invalid: " + errors.get(0).get("field") + "; see errors."
          : errors.size() + " fields of the input are invalid; see errors.";
      return render(path, e, detail, Map.of("errors", errors));
    }
    return render(path, e, e.getMessage(), Map.of());
  }

  private static Response render(String path, KeyTriageException e, String detail, Map<String, Object> extensions) {
    Map<String, String> headers = new LinkedHashMap<>();
    e.retryAfter().ifPresent(d -> headers.put("Retry-After", Long.toString(ceilSeconds(d))));
    return ErrorResponses.render(path, e.status(), e.code().code(), e.code().title(), detail, headers, extensions);
  }

  static long ceilSeconds(Duration d) {
    long ms = Math.max(0, d.toMillis());
    return Math.max(1, (ms + 999) / 1000);
  }

  private static Map<String, String> entry(FieldError error) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("field", error.field());
    m.put("message", error.message());
    return m;
  }
}
