package org.keytriage.web.security.internal;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.keytriage.web.errors.ApiException;
import org.keytriage.web.security.CallerContext;
import org.keytriage.web.security.Integrator;
import org.keytriage.web.security.IntegratorAccess;
import org.keytriage.web.security.Integrators;

/**
 * Authenticates integrators on {@link IntegratorAccess} resources by {@code Authorization: Bearer
 * <token>}: no or an unknown token → 401 asking for a Bearer token.
 */
@Provider
@IntegratorAccess
@Priority(Priorities.AUTHENTICATION)
public class IntegratorTokenFilter implements ContainerRequestFilter {
  private static final String BEARER = "bearer ";

  @Inject Integrators integrators;
  @Inject CallerContext caller;

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw ApiException.unauthorized("Bearer", "missing_integrator_token",
          "Send your integrator token as Authorization: Bearer <token> (an OpenAI SDK sends its API key that way).");
    }
    Optional<Integrator> integrator = integrators.authenticate(header.substring(BEARER.length()).trim());
    if (integrator.isEmpty()) {
      throw ApiException.unauthorized("Bearer", "invalid_integrator_token",
          "The integrator token is not valid; ask the KeyTriage administrator for one.");
    }
    caller.integrator(integrator.get());
  }
}
