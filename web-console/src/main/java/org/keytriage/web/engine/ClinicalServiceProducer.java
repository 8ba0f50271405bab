package org.keytriage.web.engine;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.upstream.NvidiaGateway;
import org.keytriage.tasks.ClinicalAiService;

/**
 * Makes the application's one {@link ClinicalAiService} injectable: built over the engine's
 * {@link KeyTriage} and its <em>shared</em> {@link NvidiaGateway} — a second gateway would install
 * its routing guards in the engine a second time. Produced {@code @Dependent} (always the same
 * instance) because the service is a final class, which a client proxy could not subclass.
 */
@ApplicationScoped
public class ClinicalServiceProducer {
  @Inject KeyTriage keyTriage;
  @Inject NvidiaGateway gateway;

  private ClinicalAiService service;

  @PostConstruct
  void open() {
    service = ClinicalAiService.builder(keyTriage).gateway(gateway).build();
  }

  /** Leaves the gateway open: {@link KeyTriageEngine} owns and closes it. */
  @PreDestroy
  void close() {
    service.close();
  }

  @Produces
  ClinicalAiService clinicalAiService() {
    return service;
  }
}
