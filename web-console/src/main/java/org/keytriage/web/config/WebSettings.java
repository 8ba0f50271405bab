package org.keytriage.web.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Every {@code keytriage.*} setting of the web application, read once at start-up. Immutable.
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
 *   <tr><td>{@value #REQUEST_DEADLINE}</td><td>60</td><td>seconds for all attempts of one request, failovers included</td></tr>
 *   <tr><td>{@value #ATTEMPT_TIMEOUT}</td><td>30</td><td>seconds for one upstream attempt (first chunk for a stream)</td></tr>
 *   <tr><td>{@value #CONNECT_TIMEOUT}</td><td>5</td><td>seconds to connect to the upstream</td></tr>
 *   <tr><td>{@value #MAX_REQUEST_BYTES}</td><td>1048576 (1 MiB)</td><td>larger request bodies get 413</td></tr>
 *   <tr><td>{@value #MAX_CONCURRENT_STREAMS}</td><td>200</td><td>streams relayed at once; more get 503</td></tr>
 *   <tr><td>{@value #MODELS_CACHE}</td><td>300</td><td>seconds the upstream's model list is kept</td></tr>
 *   <tr><td>{@value #INTEGRATORS}</td><td>none (every {@code /v1} call is 401)</td>
 *       <td>{@code name:sha256hex:task|task,...}; see {@link org.keytriage.web.security.Integrators}</td></tr>
 *   <tr><td>{@value #USERS}</td><td>none (every {@code /api/v1} call is 401)</td>
 *       <td>{@code name:role|role:PBKDF2 hash,...}; see {@link org.keytriage.web.security.UserAccounts}</td></tr>
 *   <tr><td>{@code keytriage.batch.*}</td><td>see {@link BatchSettings}</td>
 *       <td>limits, concurrency and retention of {@code /api/v1/batches}</td></tr>
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
  public static final String MAX_REQUEST_BYTES = "keytriage.max-request-bytes";
  public static final String MAX_CONCURRENT_STREAMS = "keytriage.max-concurrent-streams";
  public static final String MODELS_CACHE = "keytriage.models-cache-seconds";
  public static final String INTEGRATORS = "keytriage.integrators";
  public static final String USERS = "keytriage.users";
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
  private final long maxRequestBytes;
  private final int maxConcurrentStreams;
  private final Duration modelsCache;
  private final String integrators;
  private final String users;
  private final Map<String, String> clusterProperties;
  private final BatchSettings batch;

  private WebSettings(Function<String, Optional<String>> source, Iterable<String> names) {
    this.configDir = Path.of(text(source, CONFIG_DIR).orElse("."));
    this.pluginsDir = text(source, PLUGINS_DIR).map(Path::of);
    this.defaultTaskType = text(source, DEFAULT_TASK_TYPE);
    this.requestDeadline = Duration.ofSeconds(positive(source, REQUEST_DEADLINE, 60));
    this.attemptTimeout = Duration.ofSeconds(positive(source, ATTEMPT_TIMEOUT, 30));
    this.connectTimeout = Duration.ofSeconds(positive(source, CONNECT_TIMEOUT, 5));
    this.maxRequestBytes = positive(source, MAX_REQUEST_BYTES, 1_048_576);
    this.maxConcurrentStreams = (int) Math.min(Integer.MAX_VALUE, positive(source, MAX_CONCURRENT_STREAMS, 200));
    this.modelsCache = Duration.ofSeconds(positive(source, MODELS_CACHE, 300));
    this.integrators = text(source, INTEGRATORS).orElse("");
    this.users = text(source, USERS).orElse("");
    Map<String, String> cluster = new TreeMap<>();
    for (String name : names) {
      if (name.startsWith(CLUSTER_PREFIX)) {
        source.apply(name).ifPresent(v -> cluster.put(name, v));
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
  }

  private static int intValue(long value) {
    return (int) Math.min(Integer.MAX_VALUE, value);
  }

  /**
   * Reads the settings from {@code source} (a property name to its value, empty when unset).
   *
   * @throws IllegalArgumentException naming the property when a value is not a positive number
   */
  public static WebSettings from(Function<String, Optional<String>> source) {
    return from(source, java.util.List.of());
  }

  /**
   * Like {@link #from(Function)}, also collecting every {@value #CLUSTER_PREFIX}{@code *} property
   * among {@code names} (MicroProfile Config's property names).
   */
  public static WebSettings from(Function<String, Optional<String>> source, Iterable<String> names) {
    return new WebSettings(Objects.requireNonNull(source, "source"), Objects.requireNonNull(names, "names"));
  }

  private static Optional<String> text(Function<String, Optional<String>> source, String name) {
    return source.apply(name).map(String::trim).filter(s -> !s.isEmpty());
  }

  private static long positive(Function<String, Optional<String>> source, String name, long fallback) {
    Optional<String> raw = text(source, name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(raw.get());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the property's name
    }
    throw new IllegalArgumentException(
        name + " must be a whole number > 0, not '" + raw.get() + "' (default " + fallback + ")");
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
