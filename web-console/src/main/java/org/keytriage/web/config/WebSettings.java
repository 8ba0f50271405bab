package org.keytriage.web.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.keytriage.core.upstream.UpstreamSettings;

/**
 * Every {@code keytriage.*} setting of the web application, read once at start-up through
 * MicroProfile Config's typed lookups ({@link SettingsSource}). Immutable. The durations take a
 * plain number of seconds, as always, or a unit ({@link DurationConverter}).
 *
 * <table>
 *   <caption>Properties and defaults</caption>
 *   <tr><th>property</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #CONFIG_DIR}</td><td>{@code .} (the server's working directory)</td>
 *       <td>holds {@code config/api_keys_config.json} and {@code .env.api_keys}</td></tr>
 *   <tr><td>{@value #PLUGINS_DIR}</td><td>none</td><td>a folder of strategy/task-handler plugin jars</td></tr>
 *   <tr><td>{@value #DEFAULT_TASK_TYPE}</td><td>none</td>
 *       <td>the task type of a {@code /v1} request without {@code X-Task-Type}; without it such a
 *       request is refused with 400</td></tr>
 *   <tr><td>{@value #REQUEST_DEADLINE}</td><td>{@value org.keytriage.core.upstream.UpstreamSettings#DEFAULT_REQUEST_DEADLINE_SECONDS}</td><td>seconds for all attempts of one request, failovers included</td></tr>
 *   <tr><td>{@value #ATTEMPT_TIMEOUT}</td><td>{@value org.keytriage.core.upstream.UpstreamSettings#DEFAULT_ATTEMPT_TIMEOUT_SECONDS}</td><td>seconds for one upstream attempt (first chunk for a stream)</td></tr>
 *   <tr><td>{@value #CONNECT_TIMEOUT}</td><td>{@value org.keytriage.core.upstream.UpstreamSettings#DEFAULT_CONNECT_TIMEOUT_SECONDS}</td><td>seconds to connect to the upstream</td></tr>
 *   <tr><td>{@value #UPSTREAM_HTTP2}</td><td>false</td><td>true: HTTP/2 to {@code https} upstreams, with
 *       the JDK's HttpClient; false: HTTP/1.1 keep-alive with Apache HttpClient 5, the cheaper per
 *       call (see {@link org.keytriage.core.upstream.UpstreamSettings})</td></tr>
 *   <tr><td>{@value #MAX_REQUEST_BYTES}</td><td>{@value #DEFAULT_MAX_REQUEST_BYTES} (1 MiB)</td><td>larger request bodies get 413</td></tr>
 *   <tr><td>{@value #MAX_CONCURRENT_STREAMS}</td><td>{@value #DEFAULT_MAX_CONCURRENT_STREAMS}</td><td>streams relayed at once, of every kind together; more get 503</td></tr>
 *   <tr><td>{@value #MODELS_CACHE}</td><td>{@value #DEFAULT_MODELS_CACHE_SECONDS}</td><td>seconds the upstream's model list is kept</td></tr>
 *   <tr><td>{@value #INTEGRATORS}</td><td>none (every {@code /v1} call is 401)</td>
 *       <td>{@code name:sha256hex:task|task,...}; see {@link org.keytriage.web.security.Integrators}</td></tr>
 *   <tr><td>{@value #USERS}</td><td>none (every {@code /api/v1} call is 401)</td>
 *       <td>{@code name:role|role:PBKDF2 hash,...}; see {@link org.keytriage.web.security.UserAccounts}</td></tr>
 *   <tr><td>{@value #ROTATION_MAX_AGE_DAYS}</td><td>90</td><td>days after which the optimisation
 *       report recommends rotating a key's secret (from its rotated_at)</td></tr>
 *   <tr><td>{@value #LOGIN_MAX_FAILURES}</td><td>5</td><td>failed sign-ins (console or HTTP Basic) for
 *       one name from one address that pause its sign-ins; 4× that from one address, 10× for one name</td></tr>
 *   <tr><td>{@value #LOGIN_WINDOW_MINUTES}</td><td>15</td><td>minutes those failures count, and so the
 *       longest pause</td></tr>
 *   <tr><td>{@code keytriage.batch.*}</td><td>see {@link BatchSettings}</td>
 *       <td>limits, concurrency and retention of {@code /api/v1/batches}</td></tr>
 *   <tr><td>{@code keytriage.db.*}, {@code keytriage.request-log.*}</td><td>an H2 file under the
 *       config dir</td><td>the store: request log, spend history, audit trail; see {@link DatabaseSettings}</td></tr>
 *   <tr><td>{@code keytriage.cluster.*}</td><td>in process (one node)</td>
 *       <td>shared limits and state across nodes; see {@link org.keytriage.core.cluster.ClusterSettings}
 *       ({@code keytriage.cluster.mode=jndi} uses Payara's own data grid)</td></tr>
 * </table>
 */
public final class WebSettings {
  public static final String CONFIG_DIR = "keytriage.config-dir";
  public static final String PLUGINS_DIR = "keytriage.plugins-dir";
  public static final String DEFAULT_TASK_TYPE = "keytriage.default-task-type";
  public static final String REQUEST_DEADLINE = "keytriage.request-deadline-seconds";
  public static final String ATTEMPT_TIMEOUT = "keytriage.attempt-timeout-seconds";
  public static final String CONNECT_TIMEOUT = "keytriage.connect-timeout-seconds";
  public static final String UPSTREAM_HTTP2 = "keytriage.upstream-http2";
  public static final String MAX_REQUEST_BYTES = "keytriage.max-request-bytes";
  public static final String MAX_CONCURRENT_STREAMS = "keytriage.max-concurrent-streams";
  public static final String MODELS_CACHE = "keytriage.models-cache-seconds";
  public static final String INTEGRATORS = "keytriage.integrators";
  public static final String USERS = "keytriage.users";
  public static final String ROTATION_MAX_AGE_DAYS = "keytriage.rotation-max-age-days";
  public static final String LOGIN_MAX_FAILURES = "keytriage.login.max-failures";
  public static final String LOGIN_WINDOW_MINUTES = "keytriage.login.window-minutes";
  public static final String BATCH_MAX_ITEMS = "keytriage.batch.max-items";
  public static final String BATCH_CONCURRENCY = "keytriage.batch.concurrency";
  public static final String BATCH_THREADS = "keytriage.batch.threads";
  public static final String BATCH_MAX_BATCHES = "keytriage.batch.max-batches";
  public static final String BATCH_RETENTION = "keytriage.batch.retention-minutes";
  public static final String BATCH_MAX_REQUEST_BYTES = "keytriage.batch.max-request-bytes";

  /** The cluster settings' prefix; see {@link org.keytriage.core.cluster.ClusterSettings}. */
  public static final String CLUSTER_PREFIX = "keytriage.cluster.";

  private final Path configDir;
  private final Optional<Path> pluginsDir;
  private final Optional<String> defaultTaskType;
  private final Duration requestDeadline;
  private final Duration attemptTimeout;
  private final Duration connectTimeout;
  private final boolean upstreamHttp2;
  private final long maxRequestBytes;
  private final int maxConcurrentStreams;
  private final Duration modelsCache;
  private final String integrators;
  private final String users;
  private final Map<String, String> clusterProperties;
  private final BatchSettings batch;
  private final DatabaseSettings database;
  private final Duration rotationMaxAge;
  private final int loginMaxFailures;
  private final Duration loginWindow;

  /** Default of {@value #MAX_REQUEST_BYTES}: 1 MiB. */
  public static final long DEFAULT_MAX_REQUEST_BYTES = 1_048_576;
  /** Default of {@value #MAX_CONCURRENT_STREAMS}. */
  public static final long DEFAULT_MAX_CONCURRENT_STREAMS = 200;
  /** Default of {@value #MODELS_CACHE}, in seconds. */
  public static final long DEFAULT_MODELS_CACHE_SECONDS = 300;

  private WebSettings(SettingsSource source) {
    this.configDir = Path.of(text(source, CONFIG_DIR).orElse("."));
    this.pluginsDir = text(source, PLUGINS_DIR).map(Path::of);
    this.defaultTaskType = text(source, DEFAULT_TASK_TYPE);
    // the upstream timeouts' defaults are the engine's own, stated once in UpstreamSettings
    this.requestDeadline = duration(source, REQUEST_DEADLINE, UpstreamSettings.DEFAULT_REQUEST_DEADLINE_SECONDS);
    this.attemptTimeout = duration(source, ATTEMPT_TIMEOUT, UpstreamSettings.DEFAULT_ATTEMPT_TIMEOUT_SECONDS);
    this.connectTimeout = duration(source, CONNECT_TIMEOUT, UpstreamSettings.DEFAULT_CONNECT_TIMEOUT_SECONDS);
    this.upstreamHttp2 = flag(source, UPSTREAM_HTTP2);
    this.maxRequestBytes = positive(source, MAX_REQUEST_BYTES, DEFAULT_MAX_REQUEST_BYTES);
    this.maxConcurrentStreams = intValue(positive(source, MAX_CONCURRENT_STREAMS, DEFAULT_MAX_CONCURRENT_STREAMS));
    this.modelsCache = duration(source, MODELS_CACHE, DEFAULT_MODELS_CACHE_SECONDS);
    this.integrators = text(source, INTEGRATORS).orElse("");
    this.users = text(source, USERS).orElse("");
    Map<String, String> cluster = new TreeMap<>();
    for (String name : source.names()) {
      if (name.startsWith(CLUSTER_PREFIX)) {
        source.value(name, String.class).ifPresent(v -> cluster.put(name, v));
      }
    }
    this.clusterProperties = Map.copyOf(cluster);
    this.batch = new BatchSettings(
        intValue(positive(source, BATCH_MAX_ITEMS, BatchSettings.DEFAULT_MAX_ITEMS)),
        intValue(positive(source, BATCH_CONCURRENCY, BatchSettings.DEFAULT_CONCURRENCY)),
        intValue(positive(source, BATCH_THREADS, BatchSettings.DEFAULT_THREADS)),
        intValue(positive(source, BATCH_MAX_BATCHES, BatchSettings.DEFAULT_MAX_BATCHES)),
        Duration.ofMinutes(positive(source, BATCH_RETENTION, BatchSettings.DEFAULT_RETENTION_MINUTES)),
        positive(source, BATCH_MAX_REQUEST_BYTES, BatchSettings.DEFAULT_MAX_REQUEST_BYTES));
    this.database = DatabaseSettings.from(source, configDir);
    this.rotationMaxAge = Duration.ofDays(positive(source, ROTATION_MAX_AGE_DAYS, 90));
    this.loginMaxFailures = (int) Math.min(Integer.MAX_VALUE, positive(source, LOGIN_MAX_FAILURES, 5));
    this.loginWindow = Duration.ofMinutes(positive(source, LOGIN_WINDOW_MINUTES, 15));
  }

  private static int intValue(long value) {
    return (int) Math.min(Integer.MAX_VALUE, value);
  }

  /**
   * Reads the settings through typed lookups.
   *
   * @throws IllegalArgumentException naming the property, the value and what is expected when a
   *     value is not usable
   */
  public static WebSettings from(SettingsSource source) {
    return new WebSettings(Objects.requireNonNull(source, "source"));
  }

  static Optional<String> text(SettingsSource source, String name) {
    return source.value(name, String.class).map(String::trim).filter(s -> !s.isEmpty());
  }

  /** true or false, false when not set. */
  static boolean flag(SettingsSource source, String name) {
    Optional<String> raw = text(source, name);
    if (raw.isEmpty()) {
      return false;
    }
    String v = raw.get().toLowerCase(java.util.Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException(name + " must be true or false, not '" + raw.get() + "' (default false)");
    }
    return v.equals("true");
  }

  static long positive(SettingsSource source, String name, long fallback) {
    Optional<Long> value = typed(source, name, Long.class, "a whole number > 0", fallback);
    if (value.isPresent() && value.get() <= 0) {
      throw invalid(source, name, "a whole number > 0", fallback);
    }
    return value.orElse(fallback);
  }

  static Duration duration(SettingsSource source, String name, long fallbackSeconds) {
    String expected = "a duration > 0 (seconds, or 250ms, 30s, 5m, PT30S)";
    Optional<Duration> value = typed(source, name, Duration.class, expected, fallbackSeconds);
    if (value.isPresent() && (value.get().isNegative() || value.get().isZero())) {
      throw invalid(source, name, expected, fallbackSeconds);
    }
    return value.orElse(Duration.ofSeconds(fallbackSeconds));
  }

  private static <T> Optional<T> typed(SettingsSource source, String name, Class<T> type, String expected, long fallback) {
    try {
      return source.value(name, type);
    } catch (IllegalArgumentException e) {
      throw invalid(source, name, expected, fallback);
    }
  }

  /** Names the property, its value (numbers and durations only reach here) and the default. */
  private static IllegalArgumentException invalid(SettingsSource source, String name, String expected, long fallback) {
    String raw = source.value(name, String.class).orElse("");
    return new IllegalArgumentException(
        name + " must be " + expected + ", not '" + raw.trim() + "' (default " + fallback + ")");
  }

  /** Whether calls to {@code https} upstreams offer HTTP/2 ({@value #UPSTREAM_HTTP2}). */
  public boolean upstreamHttp2() {
    return upstreamHttp2;
  }

  public Path configDir() {
    return configDir;
  }

  public Optional<Path> pluginsDir() {
    return pluginsDir;
  }

  public Optional<String> defaultTaskType() {
    return defaultTaskType;
  }

  public Duration requestDeadline() {
    return requestDeadline;
  }

  public Duration attemptTimeout() {
    return attemptTimeout;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public long maxRequestBytes() {
    return maxRequestBytes;
  }

  public int maxConcurrentStreams() {
    return maxConcurrentStreams;
  }

  public Duration modelsCache() {
    return modelsCache;
  }

  /** The raw {@value #INTEGRATORS} value; parsed by {@link org.keytriage.web.security.Integrators}. */
  public String integrators() {
    return integrators;
  }

  /** The raw {@value #USERS} value; parsed by {@link org.keytriage.web.security.UserAccounts}. */
  public String users() {
    return users;
  }

  /**
   * The {@code keytriage.cluster.*} properties, for {@link
   * org.keytriage.core.cluster.ClusterSettings#fromProperties}; empty means one node, in process.
   */
  public Map<String, String> clusterProperties() {
    return clusterProperties;
  }

  /** Keys whose secret is older than this are recommended for rotation ({@value #ROTATION_MAX_AGE_DAYS}). */
  public Duration rotationMaxAge() {
    return rotationMaxAge;
  }

  /** Failed sign-ins for one name from one address that pause its sign-ins ({@value #LOGIN_MAX_FAILURES}). */
  public int loginMaxFailures() {
    return loginMaxFailures;
  }

  /** How long failed sign-ins count ({@value #LOGIN_WINDOW_MINUTES}). */
  public Duration loginWindow() {
    return loginWindow;
  }

  /** The {@code keytriage.db.*} and {@code keytriage.request-log.*} settings. */
  public DatabaseSettings database() {
    return database;
  }

  /** The {@code keytriage.batch.*} settings. */
  public BatchSettings batch() {
    return batch;
  }

  /** Names paths and numbers only: the integrator and user lists hold hashes. */
  @Override
  public String toString() {
    return "WebSettings[configDir=" + configDir + ", pluginsDir=" + pluginsDir.orElse(null)
        + ", defaultTaskType=" + defaultTaskType.orElse(null) + ", requestDeadline=" + requestDeadline
        + ", attemptTimeout=" + attemptTimeout + ", connectTimeout=" + connectTimeout
        + ", maxRequestBytes=" + maxRequestBytes + ", maxConcurrentStreams=" + maxConcurrentStreams + "]";
  }
}
