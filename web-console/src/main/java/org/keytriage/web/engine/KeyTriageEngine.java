package org.keytriage.web.engine;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.config.ConfigException;
import org.keytriage.store.StoreUnavailableException;
import org.keytriage.core.gateway.Gateway;
import org.keytriage.web.config.WebSettings;

/**
 * Owns the application's {@link KeyTriage} and its {@link Gateway}: opened eagerly when the
 * application starts (a bad configuration must fail the deployment, not the first request) and
 * closed when it stops. Both are produced {@code @Dependent}, always the same instances: KeyTriage
 * is a final class, which a normal-scope client proxy could not subclass.
 */
@ApplicationScoped
public class KeyTriageEngine {
  private static final Logger LOG = Logger.getLogger(KeyTriageEngine.class.getName());

  @Inject WebSettings settings;

  private volatile EngineOpener.Opened opened;
  private volatile boolean open;

  /**
   * Opens the engine when the application starts, on the thread deploying it, before the first
   * request. Not in {@code @PostConstruct}: a health probe during deployment may create this bean
   * on one of the server's own threads, and in {@code keytriage.cluster.mode=jndi} the thread that
   * first creates KeyTriage's grid maps decides their tenant on Payara (Hazelcast tenant control):
   * only with this application's context do the grid's own threads (backups on other members) find
   * KeyTriage's classes. Until then the engine is not open and its products are not available.
   * The priority makes this observer run before any other bean's start-up observer, since those
   * may inject the engine's products.
   */
  void onStart(
      @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
          Object event) {
    open();
    if (!open) {
      throw new IllegalStateException("KeyTriage engine did not open");
    }
  }

  synchronized void open() {
    if (open) {
      return;
    }
    try {
      // the application's own loader, not the thread's: the runtime may create this bean on a
      // thread of its own (a health probe during deployment) whose context loader cannot see the
      // strategies in WEB-INF/lib
      opened = EngineOpener.open(settings, KeyTriageEngine.class.getClassLoader());
    } catch (ConfigException e) {
      // the message names file, key, field and fix, and never a secret: it is what the operator needs
      LOG.log(Level.SEVERE, "KeyTriage cannot start, the configuration in {0} is not usable:\n{1}",
          new Object[] {settings.configDir().toAbsolutePath(), e.getMessage()});
      throw new IllegalStateException("KeyTriage configuration is invalid: " + e.getMessage());
    } catch (StoreUnavailableException | IllegalStateException e) {
      // names the database (or the grid, or the master key) and what to check, never a secret
      LOG.log(Level.SEVERE, "KeyTriage cannot start: {0}", e.getMessage());
      throw new IllegalStateException(e.getMessage());
    }
    open = true;
    KeyTriage kt = opened.keyTriage();
    LOG.log(Level.INFO, "KeyTriage started: {0} keys from {1}, strategies {2}, cluster mode {3}",
        new Object[] {kt.keys().all().size(), kt.config().source(), kt.strategies().ids(),
            opened.cluster().settings().mode()});
  }

  @PreDestroy
  void close() {
    open = false;
    if (opened != null) {
      opened.close();
    }
  }

  /** Whether the engine is open (between start and shutdown); the liveness check reports it. */
  public boolean isOpen() {
    return open;
  }

  /**
   * The running engine, for code that lives as long as the application (a servlet) and so must
   * not have it injected before it has started.
   *
   * @throws IllegalStateException while it is still starting
   */
  public KeyTriage running() {
    return started().keyTriage();
  }

  /** The store, when {@code keytriage.db.enabled} is not false. */
  public java.util.Optional<org.keytriage.store.Store> store() {
    return started().store();
  }

  @Produces
  KeyTriage keyTriage() {
    return started().keyTriage();
  }

  @Produces
  Gateway gateway() {
    return started().keyTriage().gateway();
  }

  private EngineOpener.Opened started() {
    EngineOpener.Opened o = opened;
    if (o == null) {
      throw new IllegalStateException("KeyTriage is still starting");
    }
    return o;
  }
}
