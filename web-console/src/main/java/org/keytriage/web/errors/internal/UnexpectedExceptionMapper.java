package org.keytriage.web.errors.internal;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.keytriage.web.errors.ErrorAnswer;

/**
 * Anything nobody expected: a 500 whose body names an incident id and nothing else; the exception
 * is logged under that id, so the caller never sees a stack trace and the operator can find it.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  @Context UriInfo uri;

  @Override
  public Response toResponse(Throwable e) {
    return ErrorAnswer.unexpected(uri.getPath(), e).toResponse();
  }
}
