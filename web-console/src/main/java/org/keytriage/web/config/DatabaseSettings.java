package org.keytriage.web.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.keytriage.core.requests.RequestLogSettings;
import org.keytriage.store.SecretCipher;
import org.keytriage.store.StoreSettings;

/**
 * The {@code keytriage.db.*} and {@code keytriage.request-log.*} settings: where the store is and
 * how the request log is written. Immutable.
 *
 * <table>
 *   <caption>Properties and defaults</caption>
 *   <tr><th>property</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #ENABLED}</td><td>true</td><td>false: nothing is stored (no request log, no
 *       audit trail, budgets start at zero on every start)</td></tr>
 *   <tr><td>{@value #URL}</td><td>{@code jdbc:h2:file:<config dir>/data/keytriage}</td><td>an H2 or
 *       PostgreSQL JDBC URL</td></tr>
 *   <tr><td>{@value #USER}</td><td>none</td><td>the database user</td></tr>
 *   <tr><td>{@value #PASSWORD}</td><td>none</td><td>the password; give it as the environment
 *       variable {@code KEYTRIAGE_DB_PASSWORD} (MicroProfile Config maps it to this name) or in
 *       {@value #PASSWORD_FILE}, not in a properties file</td></tr>
 *   <tr><td>{@value #PASSWORD_FILE}</td><td>none</td><td>a file readable only by the server whose
 *       first line is the password; wins over {@value #PASSWORD}</td></tr>
 *   <tr><td>{@value #SCHEMA}</td><td>the database's default</td><td>the schema for the tables (created if missing)</td></tr>
 *   <tr><td>{@value #POOL_SIZE}</td><td>4</td><td>connections kept open</td></tr>
 *   <tr><td>{@value #MASTER_KEY}</td><td>none</td><td>the master key (32 bytes, base64) that
 *       encrypts key secrets at rest; give it as the environment variable {@code KEYTRIAGE_MASTER_KEY}
 *       or in {@value #MASTER_KEY_FILE}. Without one, keys cannot be added or rotated at run time</td></tr>
 *   <tr><td>{@value #MASTER_KEY_FILE}</td><td>none</td><td>a file readable only by the server holding
 *       the master key ({@code ./keytriage master-key generate --out FILE}); wins over {@value #MASTER_KEY}</td></tr>
 *   <tr><td>{@value #LOG_CAPACITY}</td><td>20000</td><td>request-log rows that may wait for the
 *       database; more are dropped, counted and alerted</td></tr>
 *   <tr><td>{@value #LOG_RETENTION_DAYS}</td><td>30</td><td>days request-log rows are kept (spend roll-ups stay)</td></tr>
 * </table>
 */
public final class DatabaseSettings {
  public static final String ENABLED = "keytriage.db.enabled";
  public static final String URL = "keytriage.db.url";
  public static final String USER = "keytriage.db.user";
  public static final String PASSWORD = "keytriage.db.password";
  public static final String PASSWORD_FILE = "keytriage.db.password-file";
  public static final String SCHEMA = "keytriage.db.schema";
  public static final String POOL_SIZE = "keytriage.db.pool-size";
  public static final String MASTER_KEY = "keytriage.master-key";
  public static final String MASTER_KEY_FILE = "keytriage.master-key-file";
  public static final String LOG_CAPACITY = "keytriage.request-log.capacity";
  public static final String LOG_RETENTION_DAYS = "keytriage.request-log.retention-days";

  private final Optional<StoreSettings> store;
  private final RequestLogSettings requestLog;
  private final Optional<SecretCipher> masterKey;

  private DatabaseSettings(Optional<StoreSettings> store, RequestLogSettings requestLog, Optional<SecretCipher> masterKey) {
    this.store = store;
    this.requestLog = requestLog;
    this.masterKey = masterKey;
  }

  /**
   * @throws IllegalArgumentException naming the property when a value is not usable (never
   *     showing the password)
   */
  static DatabaseSettings from(SettingsSource source, Path configDir) {
    RequestLogSettings log = RequestLogSettings.builder()
        .capacity((int) Math.min(Integer.MAX_VALUE, WebSettings.positive(source, LOG_CAPACITY, 20_000)))
        .retention(Duration.ofDays(WebSettings.positive(source, LOG_RETENTION_DAYS, 30)))
        .build();
    boolean enabled = WebSettings.text(source, ENABLED).map(v -> !v.equalsIgnoreCase("false")).orElse(true);
    if (!enabled) {
      return new DatabaseSettings(Optional.empty(), log, Optional.empty());
    }
    String url = WebSettings.text(source, URL).orElse(
        "jdbc:h2:file:" + configDir.toAbsolutePath().normalize().resolve("data").resolve("keytriage"));
    StoreSettings settings = StoreSettings.builder(url)
        .user(WebSettings.text(source, USER).orElse(""))
        .password(password(source))
        .schema(WebSettings.text(source, SCHEMA).orElse(""))
        .poolSize((int) Math.min(64, WebSettings.positive(source, POOL_SIZE, 4)))
        .build();
    return new DatabaseSettings(Optional.of(settings), log, masterKey(source));
  }

  private static String password(SettingsSource source) {
    return secretSetting(source, PASSWORD_FILE, PASSWORD).orElse("");
  }

  private static Optional<SecretCipher> masterKey(SettingsSource source) {
    Optional<String> key = secretSetting(source, MASTER_KEY_FILE, MASTER_KEY);
    try {
      return key.map(SecretCipher::fromBase64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(MASTER_KEY + " (or " + MASTER_KEY_FILE + "): " + e.getMessage());
    }
  }

  /** The first line of the file the first setting names, else the second setting's value. */
  private static Optional<String> secretSetting(SettingsSource source, String fileSetting, String valueSetting) {
    Optional<String> file = WebSettings.text(source, fileSetting);
    if (file.isPresent()) {
      Path path = Path.of(file.get());
      try {
        return Optional.of(Files.readAllLines(path).stream().findFirst().orElse("").trim());
      } catch (IOException e) {
        throw new IllegalArgumentException(fileSetting + " names " + path.toAbsolutePath()
            + ", which cannot be read (" + e.getClass().getSimpleName() + "); make it readable by the server");
      }
    }
    return source.value(valueSetting, String.class).map(String::trim).filter(v -> !v.isEmpty());
  }

  /** The cipher of the master key; empty when none is set. */
  public Optional<SecretCipher> masterKey() {
    return masterKey;
  }

  /** The store's settings; empty when {@value #ENABLED} is false. */
  public Optional<StoreSettings> store() {
    return store;
  }

  public RequestLogSettings requestLog() {
    return requestLog;
  }

  @Override
  public String toString() {
    return "DatabaseSettings[store=" + store.map(StoreSettings::toString).orElse("off") + ", requestLog=" + requestLog
        + ", masterKey=" + masterKey.map(SecretCipher::id).orElse("none") + "]";
  }
}
