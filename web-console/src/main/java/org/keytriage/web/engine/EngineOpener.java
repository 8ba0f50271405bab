package org.keytriage.web.engine;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.cluster.ClusterBackends;
import org.keytriage.core.cluster.ClusterSettings;
import org.keytriage.core.upstream.UpstreamSettings;
import org.keytriage.store.Store;
import org.keytriage.web.config.WebSettings;

/**
 * Builds the engine and its gateway from the settings, without CDI, so start-up can be tested on
 * its own.
 */
public final class EngineOpener {
  private EngineOpener() {}

  /**
   * Loads {@code config/api_keys_config.json} and {@code .env.api_keys} from the settings' config
   * directory, with strategy and task-handler plugins found through {@code classLoader} (the
   * application's: the built-in strategies are in the WAR) and the plugins folder, on the cluster
   * backends {@code keytriage.cluster.*} asks for (default: in process).
   *
   * @throws org.keytriage.store.StoreUnavailableException when the store's database cannot be opened
   * @throws IllegalStateException when a configured grid cannot be reached
   * @throws IllegalArgumentException for a bad {@code keytriage.cluster.*} value
   * @throws org.keytriage.core.config.ConfigException when the configuration cannot be used
   */
  public static Opened open(WebSettings settings, ClassLoader classLoader) {
    Objects.requireNonNull(settings, "settings");
    // in process unless keytriage.cluster.mode says otherwise; then limits hold for every node
    // the store first: a database that cannot be opened fails the start with its own message
    Store store = settings.database().store().map(Store::open).orElse(null);
    ClusterBackends cluster = null;
    KeyTriage keyTriage = null;
    try {
      cluster = ClusterBackends.start(ClusterSettings.fromProperties(settings.clusterProperties()), Clock.systemUTC());
      KeyTriage.Builder builder = cluster.configure(KeyTriage.builderDefaults().classLoader(classLoader));
      settings.pluginsDir().ifPresent(builder::pluginsDirectory);
      builder.upstream(upstreamSettings(settings)).rotationMaxAge(settings.rotationMaxAge());
      if (store != null) {
        builder.requestLog(store.requestLog(), settings.database().requestLog()).auditTrail(store.auditTrail())
            // run-time key changes: written to the database, shared through the cluster's catalogue
            .keyCatalog(store.keyCatalog(cluster.keyCatalog(), settings.database().masterKey(), Clock.systemUTC()))
            .keySwitches(store.keySwitches())
            .strategyChoices(store.strategyChoices(cluster.strategyChoices()));
      }
      keyTriage = KeyTriage.fromWorkingDirectory(settings.configDir(), builder);
      return new Opened(keyTriage, cluster, Optional.ofNullable(store));
    } catch (RuntimeException e) {
      if (keyTriage != null) {
        keyTriage.close();
      }
      if (cluster != null) {
        cluster.close();
      }
      if (store != null) {
        store.close();
      }
      throw e;
    }
  }

  static UpstreamSettings upstreamSettings(WebSettings settings) {
    // an attempt never outlives the request deadline, whatever the two properties say
    return UpstreamSettings.builder()
        .requestDeadline(settings.requestDeadline())
        .attemptTimeout(settings.attemptTimeout().compareTo(settings.requestDeadline()) < 0
            ? settings.attemptTimeout() : settings.requestDeadline())
        .connectTimeout(settings.connectTimeout())
        .preferHttp2(settings.upstreamHttp2())
        .build();
  }

  /**
   * The engine (with its gateway), its cluster backends and its store (empty when {@code
   * keytriage.db.enabled=false}); closing closes them in that order, so the request and audit
   * logs write what they hold before the database closes.
   */
  public record Opened(KeyTriage keyTriage, ClusterBackends cluster, Optional<Store> store) implements AutoCloseable {
    @Override
    public void close() {
      try {
        keyTriage.close();
      } finally {
        try {
          cluster.close();
        } finally {
          store.ifPresent(Store::close);
        }
      }
    }
  }
}
