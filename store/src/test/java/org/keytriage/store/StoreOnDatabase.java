package org.keytriage.store;

/** A store on one kind of test database, for the contract suites' subclasses. */
public enum StoreOnDatabase {
  H2,
  POSTGRES;

  public StoreSettings settings() {
    return this == H2 ? TestDatabases.h2() : TestDatabases.postgres();
  }

  /** Drops what {@link #settings()} made (H2's in-memory database goes with its last connection). */
  public void cleanUp(StoreSettings settings) {
    if (this == POSTGRES) {
      TestDatabases.dropPostgresSchema(settings);
    } else {
      try (var c = java.sql.DriverManager.getConnection(settings.jdbcUrl()); var s = c.createStatement()) {
        s.execute("SHUTDOWN");
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
