package org.keytriage.web.errors.internal;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.keytriage.core.errors.KeyTriageException;
import org.keytriage.web.errors.ErrorAnswer;


/** Renders every failure of the engine once, by its code ({@link ErrorAnswer#of(String, KeyTriageException)}). */
@Provider
public class KeyTriageExceptionMapper implements ExceptionMapper<KeyTriageException> {
  @Context UriInfo uri;

  @Override
  public Response toResponse(KeyTriageException e) {
    return ErrorAnswer.of(uri.getPath(), e).toResponse();
  }
}
