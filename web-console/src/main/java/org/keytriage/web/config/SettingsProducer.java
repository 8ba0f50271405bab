package org.keytriage.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Makes {@link WebSettings} injectable, read once from the application's MicroProfile Config. */
@ApplicationScoped
public class SettingsProducer {

  // @Singleton, not @ApplicationScoped: WebSettings is final, and a client proxy would need a subclass
  @Produces
  @Singleton
  WebSettings settings() {
    // the application's loader: a runtime thread's context loader would give the server's config
    Config config = ConfigProvider.getConfig(SettingsProducer.class.getClassLoader());
    return WebSettings.from(name -> config.getOptionalValue(name, String.class), config.getPropertyNames());
  }
}
