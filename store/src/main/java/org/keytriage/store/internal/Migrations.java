package org.keytriage.store.internal;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.keytriage.store.StoreSettings;

/** Brings the database's schema up to date with the SQL migrations under {@code org/keytriage/store/migration}. */
public final class Migrations {
  static final String LOCATION = "classpath:org/keytriage/store/migration";

  private Migrations() {}

  /**
   * Applies every migration not applied yet, creating the schema when one is named and missing.
   * Flyway locks its history table while it works, so nodes starting together migrate once.
   */
  public static MigrateResult migrate(StoreSettings settings) {
    // the store's own loader: in a WAR the thread's context loader may not see the migrations
    var config = Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
        .locations(LOCATION)
        .table("kt_schema_history");
    settings.schemaName().ifPresent(s -> config.schemas(s).defaultSchema(s).createSchemas(true));
    return config.load().migrate();
  }
}
