package org.keytriage.web.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.keytriage.web.engine.KeyTriageEngine;

/** Live while the engine is open; keys being exhausted is readiness, not liveness. */
@Liveness
@ApplicationScoped
public class EngineLiveCheck implements HealthCheck {
  @Inject KeyTriageEngine engine;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("keytriage-engine").status(engine.isOpen()).build();
  }
}
