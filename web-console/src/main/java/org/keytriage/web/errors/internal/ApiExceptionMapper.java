package org.keytriage.web.errors.internal;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.keytriage.web.errors.ApiException;
import org.keytriage.web.errors.ErrorResponses;

/** The application's own refusals (bad input, authentication, scope). */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {
  @Context UriInfo uri;

  @Override
  public Response toResponse(ApiException e) {
    return ErrorResponses.render(uri, e);
  }
}
