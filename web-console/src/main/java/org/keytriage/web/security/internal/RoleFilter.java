package org.keytriage.web.security.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;
import java.util.TreeSet;
import org.keytriage.web.errors.ApiException;

/**
 * Lets a request through only for an operator in one of the roles: anonymous (no or wrong
 * credentials) → 401 asking for HTTP Basic, another role → 403.
 */
final class RoleFilter implements ContainerRequestFilter {
  private final Set<String> roles;

  RoleFilter(Set<String> roles) {
    this.roles = Set.copyOf(roles);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    SecurityContext security = request.getSecurityContext();
    if (security == null || security.getUserPrincipal() == null) {
      throw ApiException.unauthorized("Basic", "authentication_required",
          "Sign in with HTTP Basic as an operator (role " + String.join(" or ", new TreeSet<>(roles)) + ").");
    }
    for (String role : roles) {
      if (security.isUserInRole(role)) {
        return;
      }
    }
    throw ApiException.forbidden("role_required",
        "User '" + security.getUserPrincipal().getName() + "' lacks the role for this operation; it needs "
            + String.join(" or ", new TreeSet<>(roles)) + ".");
  }
}
