package org.keytriage.web.errors.internal;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.keytriage.core.upstream.UpstreamClientErrorException;
import org.keytriage.web.errors.ErrorResponses;
import org.keytriage.web.json.JsonText;

/**
 * NVIDIA refused the request itself (a 4xx about the request, not the key): the caller gets that
 * status, and on {@code /v1} the upstream's own OpenAI error body as it came (core masks any echoed
 * secret), so an SDK shows the model's real complaint.
 */
@Provider
public class UpstreamClientErrorMapper implements ExceptionMapper<UpstreamClientErrorException> {
  @Context UriInfo uri;

  @Override
  public Response toResponse(UpstreamClientErrorException e) {
    int status = e.status() >= 400 && e.status() < 500 ? e.status() : 400;
    Object upstreamError = e.errorJson().get("error");
    if (ErrorResponses.openAiPath(uri.getPath()) && upstreamError instanceof Map<?, ?>) {
      return Response.status(status).type("application/json")
          .entity(JsonText.write(Map.of("error", upstreamError))).build();
    }
    String upstreamMessage =
        upstreamError instanceof Map<?, ?> m && m.get("message") != null ? ": " + m.get("message") : "";
    return ErrorResponses.render(uri, status, "upstream_rejected_request", "Upstream rejected the request",
        e.getMessage() + upstreamMessage);
  }
}
