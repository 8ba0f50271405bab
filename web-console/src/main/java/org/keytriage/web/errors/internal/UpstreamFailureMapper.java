package org.keytriage.web.errors.internal;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.keytriage.core.upstream.UpstreamException;
import org.keytriage.web.errors.ErrorResponses;

/** Any other upstream failure that left no answer: 502. */
@Provider
public class UpstreamFailureMapper implements ExceptionMapper<UpstreamException> {
  @Context UriInfo uri;

  @Override
  public Response toResponse(UpstreamException e) {
    return ErrorResponses.render(uri, 502, "upstream_error", "Upstream failure", e.getMessage());
  }
}
