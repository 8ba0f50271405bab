package org.keytriage.web.errors.internal;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.keytriage.core.upstream.UpstreamDeadlineExceededException;
import org.keytriage.web.errors.ErrorResponses;

/** The request deadline ran out before any key answered: 504. */
@Provider
public class UpstreamDeadlineMapper implements ExceptionMapper<UpstreamDeadlineExceededException> {
  @Context UriInfo uri;

  @Override
  public Response toResponse(UpstreamDeadlineExceededException e) {
    return ErrorResponses.render(uri, 504, "upstream_deadline_exceeded", "Upstream deadline exceeded", e.getMessage());
  }
}
