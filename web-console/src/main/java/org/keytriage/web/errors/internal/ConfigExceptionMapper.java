package org.keytriage.web.errors.internal;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.keytriage.core.config.ConfigException;
import org.keytriage.web.errors.ErrorAnswer;

/** A key refused by the configuration loader's checks: 400 naming each field ({@link ErrorAnswer#of(String, ConfigException)}). */
@Provider
public class ConfigExceptionMapper implements ExceptionMapper<ConfigException> {
  @Context UriInfo uri;

  @Override
  public Response toResponse(ConfigException e) {
    return ErrorAnswer.of(uri.getPath(), e).toResponse();
  }
}
