package org.keytriage.web.security.internal;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keytriage.core.events.GatewayEvents;
import org.keytriage.core.integrators.IntegratorTokenStore;
import org.keytriage.web.engine.KeyTriageEngine;
import org.keytriage.web.security.Integrators;

/**
 * Keeps {@link Integrators} in step with the tokens created at run time: reads them when the
 * application starts and again whenever the store says they changed (on this node or another), and
 * writes the tokens' last uses back once a minute, off the request path.
 */
@ApplicationScoped
public class RunTimeIntegrators {
  private static final Logger LOG = Logger.getLogger(RunTimeIntegrators.class.getName());
  private static final long FLUSH_SECONDS = 60;

  @Inject KeyTriageEngine engine;
  @Inject Integrators integrators;

  private IntegratorTokenStore store;
  private GatewayEvents.Subscription subscription;
  private ScheduledExecutorService flusher;

  /** After the engine (whose observer runs first): the store is open by now. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    engine.store().ifPresent(s -> {
      store = s.integratorTokens();
      subscription = store.onChange(this::reload);
      reload();
      flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "keytriage-integrator-last-use");
        t.setDaemon(true);
        return t;
      });
      flusher.scheduleWithFixedDelay(this::flushLastUses, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
    });
  }

  /** The store the tokens live in; empty when nothing is stored. */
  public java.util.Optional<IntegratorTokenStore> store() {
    return java.util.Optional.ofNullable(store);
  }

  /** Reads the tokens again now (also called after this node's own change). */
  public void reload() {
    try {
      integrators.useRunTime(store.all());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Integrator tokens could not be read ({0}); the last list read stays in use",
          e.getClass().getName());
    }
  }

  private void flushLastUses() {
    Map<String, java.time.Instant> uses = integrators.takeLastUses();
    try {
      store.touch(uses);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "last uses of integrator tokens not written: {0}", e.getClass().getName());
    }
  }

  @PreDestroy
  void stop() {
    if (subscription != null) {
      subscription.close();
    }
    if (flusher != null) {
      flusher.shutdown(); // not shutdownNow: an interrupt in the middle of a write would close an H2 database
      try {
        flusher.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      flushLastUses();
    }
  }
}
