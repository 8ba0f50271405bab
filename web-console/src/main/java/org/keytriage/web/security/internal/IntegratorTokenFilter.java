package org.keytriage.web.security.internal;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.keytriage.web.security.CallerContext;
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
  @Inject Integrators integrators;
  @Inject CallerContext caller;

  @Override
  public void filter(ContainerRequestContext request) {
    caller.integrator(integrators.bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION)));
  }
}
