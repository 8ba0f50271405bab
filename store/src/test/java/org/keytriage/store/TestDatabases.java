package org.keytriage.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The databases the store's tests run on: a fresh in-memory H2 each time, and a schema of its own
 * on a real PostgreSQL server, dropped afterwards. The server is {@code keytriage.test.postgres.url}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test}) as {@code keytriage.test.postgres.user}
 * (default {@code postgres}); when it cannot be reached the tests fail and say how to provide one.
 */
public final class TestDatabases {
  public static final String POSTGRES_URL =
      System.getProperty("keytriage.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String POSTGRES_USER = System.getProperty("keytriage.test.postgres.user", "postgres");
  public static final String POSTGRES_PASSWORD = System.getProperty("keytriage.test.postgres.password", "");

  private TestDatabases() {}

  /** A new, empty in-memory H2 database, gone when its last connection closes after the store does. */
  public static StoreSettings h2() {
    return StoreSettings.builder("jdbc:h2:mem:kt" + UUID.randomUUID().toString().replace("-", "")
        + ";DB_CLOSE_DELAY=-1").build();
  }

  /** A new schema on the test PostgreSQL server; drop it with {@link #dropPostgresSchema}. */
  public static StoreSettings postgres() {
    String schema = "kt_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = postgresConnection()) {
      c.isValid(5);
    } catch (SQLException e) {
      throw new IllegalStateException("The store's PostgreSQL tests need a PostgreSQL server at " + POSTGRES_URL
          + " (user " + POSTGRES_USER + "), and none answered: " + e.getMessage() + ". Start one (on this project's "
          + "machines: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start), or point the tests at "
          + "another with -Dkeytriage.test.postgres.url=jdbc:postgresql://host:port/db -Dkeytriage.test.postgres.user=… "
          + "-Dkeytriage.test.postgres.password=…", e);
    }
    return StoreSettings.builder(POSTGRES_URL).user(POSTGRES_USER).password(POSTGRES_PASSWORD).schema(schema).build();
  }

  public static Connection postgresConnection() throws SQLException {
    return DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);
  }

  public static void dropPostgresSchema(StoreSettings settings) {
    try (Connection c = postgresConnection(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + settings.schema() + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop test schema " + settings.schema(), e);
    }
  }

  /** A JDBC connection to the settings' database and schema, for reading and tampering with tables raw. */
  public static Connection connect(StoreSettings settings) throws SQLException {
    Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    if (!settings.schema().isEmpty()) {
      try (Statement s = c.createStatement()) {
        s.execute(settings.isPostgres() ? "SET search_path TO " + settings.schema() : "SET SCHEMA " + settings.schema());
      }
    }
    return c;
  }
}
