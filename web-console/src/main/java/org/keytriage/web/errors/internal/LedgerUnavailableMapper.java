package org.keytriage.web.errors.internal;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.keytriage.core.cluster.LedgerUnavailableException;
import org.keytriage.web.errors.ErrorResponses;

/**
 * The cluster's grid could not decide in time and the failure mode refuses rather than risk a
 * key's limits: 503 with {@code Retry-After: 1}, since the grid usually answers again soon.
 */
@Provider
public class LedgerUnavailableMapper implements ExceptionMapper<LedgerUnavailableException> {
  @Context UriInfo uri;

  @Override
  public Response toResponse(LedgerUnavailableException e) {
    return ErrorResponses.render(uri.getPath(), 503, "ledger_unavailable", "Usage ledger unavailable",
        e.getMessage(), Map.of("Retry-After", "1"));
  }
}
