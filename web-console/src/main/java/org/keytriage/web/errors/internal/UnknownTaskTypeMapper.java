package org.keytriage.web.errors.internal;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.keytriage.core.routing.UnknownTaskTypeException;
import org.keytriage.web.errors.ErrorResponses;

/** A task type nobody knows: 400, listing the known ones. */
@Provider
public class UnknownTaskTypeMapper implements ExceptionMapper<UnknownTaskTypeException> {
  @Context UriInfo uri;

  @Override
  public Response toResponse(UnknownTaskTypeException e) {
    return ErrorResponses.render(uri, 400, "unknown_task_type", "Unknown task type", e.getMessage());
  }
}
