package org.keytriage.web.security.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.keytriage.web.config.WebSettings;
import org.keytriage.web.security.Integrators;
import org.keytriage.web.security.UserAccounts;

/** Parses the integrator and operator lists once, at start-up, so a bad entry fails the deployment. */
@ApplicationScoped
public class SecurityProducer {

  @Produces
  @Singleton
  Integrators integrators(WebSettings settings) {
    return Integrators.parse(settings.integrators());
  }

  @Produces
  @Singleton
  UserAccounts users(WebSettings settings) {
    return UserAccounts.parse(settings.users());
  }
}
