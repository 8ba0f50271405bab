package org.keytriage.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code keytriage.db.*} and master key settings, read the same way by the server (through
 * MicroProfile Config) and by {@code ./keytriage} (from the properties file and the environment).
 *
 * <table>
 *   <caption>Properties and defaults</caption>
 *   <tr><th>property</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #ENABLED}</td><td>true</td><td>false: nothing is stored</td></tr>
 *   <tr><td>{@value #URL}</td><td>{@code jdbc:h2:file:<config dir>/data/keytriage}</td><td>an H2 or PostgreSQL JDBC URL</td></tr>
 *   <tr><td>{@value #USER}</td><td>none</td><td>the database user</td></tr>
 *   <tr><td>{@value #PASSWORD}</td><td>none</td><td>the password: as the environment variable
 *       {@code KEYTRIAGE_DB_PASSWORD}, or in {@value #PASSWORD_FILE}; not in a properties file</td></tr>
 *   <tr><td>{@value #PASSWORD_FILE}</td><td>none</td><td>a file readable only by the server whose first line is the password</td></tr>
 *   <tr><td>{@value #SCHEMA}</td><td>the database's default</td><td>the schema for the tables (created if missing)</td></tr>
 *   <tr><td>{@value #POOL_SIZE}</td><td>4</td><td>connections kept open</td></tr>
 *   <tr><td>{@value #MASTER_KEY}</td><td>none</td><td>the master key (32 bytes, base64) that encrypts key secrets: as
 *       the environment variable {@code KEYTRIAGE_MASTER_KEY}, or in {@value #MASTER_KEY_FILE}</td></tr>
 *   <tr><td>{@value #MASTER_KEY_FILE}</td><td>none</td><td>a file readable only by the server holding the master key</td></tr>
 * </table>
 */
public final class StoreProperties {
  public static final String ENABLED = "keytriage.db.enabled";
  public static final String URL = "keytriage.db.url";
  public static final String USER = "keytriage.db.user";
  public static final String PASSWORD = "keytriage.db.password";
  public static final String PASSWORD_FILE = "keytriage.db.password-file";
  public static final String SCHEMA = "keytriage.db.schema";
  public static final String POOL_SIZE = "keytriage.db.pool-size";
  public static final String MASTER_KEY = "keytriage.master-key";
  public static final String MASTER_KEY_FILE = "keytriage.master-key-file";

  private StoreProperties() {}

  /**
   * The store's settings; empty when {@value #ENABLED} is false.
   *
   * @param lookup a property's value by name (blank counts as unset)
   * @param configDir the folder the default embedded database goes under ({@code data/})
   * @throws IllegalArgumentException naming the property when a value is not usable (never a password)
   */
  public static Optional<StoreSettings> store(Function<String, Optional<String>> lookup, Path configDir) {
    Function<String, Optional<String>> get = name -> lookup.apply(name).map(String::trim).filter(v -> !v.isEmpty());
    if (get.apply(ENABLED).map(v -> v.equalsIgnoreCase("false")).orElse(false)) {
      return Optional.empty();
    }
    String url = get.apply(URL).orElse(
        "jdbc:h2:file:" + configDir.toAbsolutePath().normalize().resolve("data").resolve("keytriage"));
    int pool;
    try {
      pool = get.apply(POOL_SIZE).map(Integer::parseInt).orElse(4);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(POOL_SIZE + " must be a whole number from 1 to 64");
    }
    return Optional.of(StoreSettings.builder(url)
        .user(get.apply(USER).orElse(""))
        .password(secret(get, PASSWORD_FILE, PASSWORD).orElse(""))
        .schema(get.apply(SCHEMA).orElse(""))
        .poolSize(Math.min(64, pool))
        .build());
  }

  /**
   * The master key's cipher; empty when none is set.
   *
   * @throws IllegalArgumentException when the key or its file is not usable (never showing the key)
   */
  public static Optional<SecretCipher> masterKey(Function<String, Optional<String>> lookup) {
    Function<String, Optional<String>> get = name -> lookup.apply(name).map(String::trim).filter(v -> !v.isEmpty());
    try {
      return secret(get, MASTER_KEY_FILE, MASTER_KEY).map(SecretCipher::fromBase64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(MASTER_KEY + " (or " + MASTER_KEY_FILE + "): " + e.getMessage());
    }
  }

  /** The first line of the file the first setting names, else the second setting's value. */
  private static Optional<String> secret(Function<String, Optional<String>> get, String fileSetting, String valueSetting) {
    Optional<String> file = get.apply(fileSetting);
    if (file.isPresent()) {
      return Optional.of(firstLine(fileSetting, Path.of(file.get())));
    }
    return get.apply(valueSetting);
  }

  /** The first line of a secret's file, trimmed. */
  public static String firstLine(String setting, Path path) {
    try {
      return Files.readAllLines(path).stream().findFirst().orElse("").trim();
    } catch (IOException e) {
      throw new IllegalArgumentException(setting + " names " + path.toAbsolutePath() + ", which cannot be read ("
          + e.getClass().getSimpleName() + "); make it readable by the server");
    }
  }
}
