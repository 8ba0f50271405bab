package org.keytriage.web.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.accounting.HealthReport;

/**
 * Ready while at least one key is usable (active, not quarantined, not cooling down, circuit not
 * open, budget left): with none, every request would get 503, so a load balancer should look
 * elsewhere. Reports the guide's status and score with it.
 */
@Readiness
@ApplicationScoped
public class KeysReadyCheck implements HealthCheck {
  @Inject KeyTriage keyTriage;

  @Override
  public HealthCheckResponse call() {
    HealthReport h = keyTriage.health();
    return HealthCheckResponse.named("keytriage-keys")
        .status(h.usableKeys() > 0)
        .withData("usable_keys", h.usableKeys())
        .withData("active_keys", h.activeKeys())
        .withData("total_keys", h.totalKeys())
        .withData("status", h.status())
        .withData("health_score", h.healthScore())
        .build();
  }
}
