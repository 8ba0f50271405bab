package org.keytriage.web.batches.internal;

import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import org.keytriage.core.batch.Batch;
import org.keytriage.web.errors.ApiException;
import org.keytriage.web.security.Integrator;
import org.keytriage.web.security.Integrators;
import org.keytriage.web.security.Roles;

/**
 * Who may read or cancel a batch: the integrator that created it (by its Bearer token) or an admin
 * (HTTP Basic). No or bad credentials → 401; another integrator, or an ops user → 403.
 */
public final class BatchAccess {
  private static final String BEARER = "bearer ";

  private final Optional<Integrator> integrator;
  private final boolean admin;

  private BatchAccess(Optional<Integrator> integrator, boolean admin) {
    this.integrator = integrator;
    this.admin = admin;
  }

  /**
   * @param authorization the request's {@code Authorization} header; may be null
   * @param security the request's security context (HTTP Basic has already been checked)
   * @throws ApiException 401 without valid credentials
   */
  public static BatchAccess of(String authorization, SecurityContext security, Integrators integrators) {
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      Optional<Integrator> found = integrators.authenticate(authorization.substring(BEARER.length()).trim());
      if (found.isEmpty()) {
        throw ApiException.unauthorized("Bearer", "invalid_integrator_token",
            "The integrator token is not valid; ask the KeyTriage administrator for one.");
      }
      return new BatchAccess(found, false);
    }
    if (security != null && security.getUserPrincipal() != null) {
      return new BatchAccess(Optional.empty(), security.isUserInRole(Roles.ADMIN));
    }
    throw ApiException.unauthorized("Bearer", "authentication_required",
        "Send the token of the integrator that created the batch as Authorization: Bearer <token>,"
            + " or sign in with HTTP Basic as an admin.");
  }

  /** @throws ApiException 403 unless this caller created {@code batch} or is an admin */
  public void requireOwnerOrAdmin(Batch batch) {
    if (admin || integrator.map(i -> i.name().equals(batch.owner())).orElse(false)) {
      return;
    }
    throw ApiException.forbidden("batch_not_yours",
        "Only the integrator that created batch " + batch.id() + ", or an admin, may read or cancel it.");
  }

  /** Who is acting, for the audit log: an integrator's name or "admin". */
  public String who() {
    return integrator.map(i -> "integrator " + i.name()).orElse("an admin");
  }
}
