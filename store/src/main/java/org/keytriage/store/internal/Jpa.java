package org.keytriage.store.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceProviderResolverHolder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import org.keytriage.store.StoreSettings;
import org.keytriage.store.StoreUnavailableException;

/** The store's entity manager factory, and transactions on it. */
public final class Jpa implements AutoCloseable {
  private final EntityManagerFactory factory;

  private Jpa(EntityManagerFactory factory) {
    this.factory = factory;
  }

  /** Opens the persistence unit on the settings' database (whose schema must be migrated). */
  public static Jpa open(StoreSettings settings) {
    Properties p = new Properties();
    p.put("jakarta.persistence.jdbc.driver", settings.isPostgres() ? "org.postgresql.Driver" : "org.h2.Driver");
    p.put("jakarta.persistence.jdbc.url", urlWithSchema(settings));
    p.put("jakarta.persistence.jdbc.user", settings.user());
    p.put("jakarta.persistence.jdbc.password", settings.password());
    p.put("eclipselink.weaving", "false");
    p.put("eclipselink.cache.shared.default", "false");
    p.put("eclipselink.jdbc.batch-writing", "JDBC");
    p.put("eclipselink.connection-pool.default.initial", "1");
    p.put("eclipselink.connection-pool.default.min", "1");
    p.put("eclipselink.connection-pool.default.max", Integer.toString(settings.poolSize()));
    p.put("eclipselink.logging.level", "WARNING");
    // a failed statement is thrown to the store, which says what it means in one line; EclipseLink's
    // own stack trace of it, every half second while a database is away, would bury the log
    p.put("eclipselink.logging.exceptions", "false");
    // never log SQL parameters: the request log's are metadata, but a habit of logging them is not
    p.put("eclipselink.logging.parameters", "false");
    p.put("eclipselink.ddl-generation", "none");
    PersistenceProvider provider = provider();
    Map<String, Object> overrides = new HashMap<>();
    EntityManagerFactory emf =
        provider.createContainerEntityManagerFactory(new StorePersistenceUnit(p), overrides);
    // connect now: a wrong URL or password fails the start, not the first request
    emf.createEntityManager().close();
    return new Jpa(emf);
  }

  private static String urlWithSchema(StoreSettings settings) {
    String url = settings.jdbcUrl();
    if (settings.schemaName().isEmpty()) {
      return url;
    }
    String schema = settings.schema();
    if (settings.isPostgres()) {
      return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
    return url + ";SCHEMA=" + schema;
  }

  private static PersistenceProvider provider() {
    List<PersistenceProvider> providers =
        PersistenceProviderResolverHolder.getPersistenceProviderResolver().getPersistenceProviders();
    for (PersistenceProvider p : providers) {
      if (p.getClass().getName().startsWith("org.eclipse.persistence.")) {
        return p;
      }
    }
    if (!providers.isEmpty()) {
      return providers.get(0);
    }
    throw new IllegalStateException("No Jakarta Persistence provider found. On Payara it is built in; as a "
        + "library add org.eclipse.persistence:org.eclipse.persistence.jpa to the class path.");
  }

  /**
   * Runs {@code work} in one transaction and returns its result; rolls back when it throws.
   *
   * @throws org.keytriage.store.StoreUnavailableException when the database refused or did not answer
   */
  public <T> T inTransaction(Function<EntityManager, T> work) {
    EntityManager em;
    try {
      em = factory.createEntityManager();
    } catch (RuntimeException e) {
      throw StoreUnavailableException.during(e);
    }
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      T result = work.apply(em);
      tx.commit();
      return result;
    } catch (RuntimeException e) {
      if (tx.isActive()) {
        try {
          tx.rollback();
        } catch (RuntimeException rollback) {
          e.addSuppressed(rollback);
        }
      }
      throw StoreUnavailableException.during(e);
    } finally {
      em.close();
    }
  }

  /** Runs {@code work} in one transaction. */
  public void run(Consumer<EntityManager> work) {
    inTransaction(em -> {
      work.accept(em);
      return null;
    });
  }

  /**
   * Runs a read without a transaction.
   *
   * @throws org.keytriage.store.StoreUnavailableException when the database refused or did not answer
   */
  public <T> T read(Function<EntityManager, T> work) {
    try {
      EntityManager em = factory.createEntityManager();
      try {
        return work.apply(em);
      } finally {
        em.close();
      }
    } catch (RuntimeException e) {
      throw StoreUnavailableException.during(e);
    }
  }

  @Override
  public void close() {
    factory.close();
  }
}
