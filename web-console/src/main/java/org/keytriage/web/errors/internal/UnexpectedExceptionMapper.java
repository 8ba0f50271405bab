package org.keytriage.web.errors.internal;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keytriage.web.errors.ErrorResponses;

/**
 * Anything nobody expected: a 500 whose body names an incident id and nothing else; the exception
 * is logged under that id, so the caller never sees a stack trace and the operator can find it.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Context UriInfo uri;

  @Override
  public Response toResponse(Throwable e) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, incident " + incident + " on /" + uri.getPath(), e);
    return ErrorResponses.render(uri, 500, "internal_error", "Internal error",
        "An unexpected error occurred; it was logged as incident " + incident + ".");
  }
}
