package org.keytriage.web.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.keytriage.core.requests.RequestLogSettings;
import org.keytriage.store.SecretCipher;
import org.keytriage.store.StoreProperties;
import org.keytriage.store.StoreSettings;

/**
 * The {@code keytriage.db.*} settings (read by {@link StoreProperties}, which lists them with their
 * defaults: an embedded H2 file under the config dir unless {@code keytriage.db.url} says otherwise;
 * password and master key from the environment or a file) and the request log's. Immutable.
 *
 * <table>
 *   <caption>Request log properties and defaults</caption>
 *   <tr><th>property</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #LOG_CAPACITY}</td><td>20000</td><td>request-log rows that may wait for the
 *       database; more are dropped, counted and alerted</td></tr>
 *   <tr><td>{@value #LOG_RETENTION_DAYS}</td><td>30</td><td>days request-log rows are kept (spend roll-ups stay)</td></tr>
 * </table>
 */
public final class DatabaseSettings {
  public static final String ENABLED = StoreProperties.ENABLED;
  public static final String URL = StoreProperties.URL;
  public static final String USER = StoreProperties.USER;
  public static final String PASSWORD = StoreProperties.PASSWORD;
  public static final String PASSWORD_FILE = StoreProperties.PASSWORD_FILE;
  public static final String SCHEMA = StoreProperties.SCHEMA;
  public static final String POOL_SIZE = StoreProperties.POOL_SIZE;
  public static final String MASTER_KEY = StoreProperties.MASTER_KEY;
  public static final String MASTER_KEY_FILE = StoreProperties.MASTER_KEY_FILE;
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
    Function<String, Optional<String>> lookup = name -> source.value(name, String.class);
    Optional<StoreSettings> store = StoreProperties.store(lookup, configDir);
    return new DatabaseSettings(store, log, store.isEmpty() ? Optional.empty() : StoreProperties.masterKey(lookup));
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
