package org.keytriage.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the store's database is. Immutable; {@link #builder(String)} starts from a JDBC URL.
 *
 * @param jdbcUrl {@code jdbc:h2:file:…} or {@code jdbc:postgresql://host:port/db}
 * @param user the database user; empty for none
 * @param password the user's password; never logged or shown ({@link #toString()} masks it)
 * @param schema the schema to keep the tables in (created if missing); empty for the database's
 *     default ({@code PUBLIC} on H2, {@code public} on PostgreSQL)
 * @param poolSize connections kept open (default 4)
 */
public record StoreSettings(String jdbcUrl, String user, String password, String schema, int poolSize) {

  public StoreSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("keytriage.db.url must be an H2 (jdbc:h2:...) or PostgreSQL "
          + "(jdbc:postgresql://host:port/database) JDBC URL; the URL given starts with '"
          + jdbcUrl.substring(0, Math.min(jdbcUrl.length(), 16)) + "'");
    }
    user = user == null ? "" : user;
    password = password == null ? "" : password;
    schema = schema == null ? "" : schema;
    if (!schema.isEmpty() && !schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("keytriage.db.schema must be a plain SQL name (letters, digits, _), was '"
          + schema + "'");
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("keytriage.db.pool-size must be at least 1, was " + poolSize);
    }
  }

  /** The embedded default: an H2 file database {@code keytriage} in {@code dir}. */
  public static StoreSettings h2File(Path dir) {
    return builder("jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve("keytriage")).build();
  }

  public static Builder builder(String jdbcUrl) {
    return new Builder(jdbcUrl);
  }

  public boolean isPostgres() {
    return jdbcUrl.startsWith("jdbc:postgresql:");
  }

  /** The schema, when one was named. */
  public Optional<String> schemaName() {
    return schema.isEmpty() ? Optional.empty() : Optional.of(schema);
  }

  @Override
  public String toString() {
    return "StoreSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
        + ", schema=" + schema + ", poolSize=" + poolSize + "]";
  }

  /** Builder; defaults: no user, no password, the default schema, 4 connections. */
  public static final class Builder {
    private final String jdbcUrl;
    private String user = "";
    private String password = "";
    private String schema = "";
    private int poolSize = 4;

    private Builder(String jdbcUrl) {
      this.jdbcUrl = jdbcUrl;
    }

    public Builder user(String value) {
      user = value;
      return this;
    }

    public Builder password(String value) {
      password = value;
      return this;
    }

    public Builder schema(String value) {
      schema = value;
      return this;
    }

    public Builder poolSize(int value) {
      poolSize = value;
      return this;
    }

    public StoreSettings build() {
      return new StoreSettings(jdbcUrl, user, password, schema, poolSize);
    }
  }
}
