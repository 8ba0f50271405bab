package org.keytriage.web.errors.internal;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.keytriage.core.routing.UnknownStrategyException;
import org.keytriage.web.errors.ErrorResponses;

/** A strategy id no plugin provides: 400, listing the available ones. */
@Provider
public class UnknownStrategyMapper implements ExceptionMapper<UnknownStrategyException> {
  @Context UriInfo uri;

  @Override
  public Response toResponse(UnknownStrategyException e) {
    return ErrorResponses.render(uri, 400, "unknown_strategy", "Unknown strategy", e.getMessage());
  }
}
