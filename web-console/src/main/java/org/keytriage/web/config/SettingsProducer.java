package org.keytriage.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
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
    return WebSettings.from(new SettingsSource() {
      @Override
      public <T> Optional<T> value(String name, Class<T> type) {
        return config.getOptionalValue(name, type);
      }

      @Override
      public Iterable<String> names() {
        return config.getPropertyNames();
      }
    });
  }
}
