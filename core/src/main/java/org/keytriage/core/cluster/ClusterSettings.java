package org.keytriage.core.cluster;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a KeyTriage node shares limits, cooldowns, budgets and metrics with the other nodes.
 * Immutable; make one with {@link #builder()} or {@link #fromProperties(Map)}. Every setting has a
 * default, and the defaults need no grid at all ({@link ClusterMode#IN_PROCESS}).
 *
 * <table>
 *   <caption>Settings, their {@code keytriage.cluster.*} property and default</caption>
 *   <tr><th>setting</th><th>property</th><th>default</th></tr>
 *   <tr><td>{@link #mode()}</td><td>{@code mode}</td><td>{@code in-process}</td></tr>
 *   <tr><td>{@link #clusterName()}</td><td>{@code name}</td><td>{@code keytriage}</td></tr>
 *   <tr><td>{@link #members()}</td><td>{@code members}</td><td>{@code 127.0.0.1}</td></tr>
 *   <tr><td>{@link #bindAddress()}</td><td>{@code bind-address}</td><td>{@code 127.0.0.1}</td></tr>
 *   <tr><td>{@link #port()}</td><td>{@code port}</td><td>{@code 5701}</td></tr>
 *   <tr><td>{@link #portAutoIncrement()}</td><td>{@code port-auto-increment}</td><td>{@code true}</td></tr>
 *   <tr><td>{@link #operationTimeout()}</td><td>{@code operation-timeout}</td><td>{@code 500ms}</td></tr>
 *   <tr><td>{@link #failureMode()}</td><td>{@code failure-mode}</td><td>{@code fail-closed}</td></tr>
 *   <tr><td>{@link #expectedMembers()}</td><td>{@code expected-members}</td><td>{@code 3}</td></tr>
 *   <tr><td>{@link #degradedRecheck()}</td><td>{@code degraded-recheck}</td><td>{@code 1s}</td></tr>
 *   <tr><td>{@link #usageReadMaxAge()}</td><td>{@code usage-read-max-age}</td><td>{@code 1s}</td></tr>
 *   <tr><td>{@link #mapPrefix()}</td><td>{@code map-prefix}</td><td>{@code keytriage.}</td></tr>
 *   <tr><td>{@link #jndiName()}</td><td>{@code jndi-name}</td><td>{@code payara/Hazelcast}</td></tr>
 *   <tr><td>{@link #clientConnectTimeout()}</td><td>{@code client-connect-timeout}</td><td>{@code 10s}</td></tr>
 *   <tr><td>{@link #metricsPublishInterval()}</td><td>{@code metrics-publish-interval}</td><td>{@code 5s}</td></tr>
 *   <tr><td>{@link #hazelcastProperties()}</td><td>{@code hazelcast.<name>}</td><td>none</td></tr>
 * </table>
 */
public final class ClusterSettings {
  /** Prefix of every property {@link #fromProperties(Map)} reads. */
  public static final String PREFIX = "keytriage.cluster.";

  private static final String HAZELCAST_PREFIX = PREFIX + "hazelcast.";

  private final ClusterMode mode;
  private final String clusterName;
  private final List<String> members;
  private final String bindAddress;
  private final int port;
  private final boolean portAutoIncrement;
  private final Duration operationTimeout;
  private final FailureMode failureMode;
  private final int expectedMembers;
  private final Duration degradedRecheck;
  private final Duration usageReadMaxAge;
  private final String mapPrefix;
  private final String jndiName;
  private final Duration clientConnectTimeout;
  private final Duration metricsPublishInterval;
  private final Map<String, String> hazelcastProperties;

  private ClusterSettings(Builder b) {
    this.mode = b.mode;
    this.clusterName = b.clusterName;
    this.members = List.copyOf(b.members);
    this.bindAddress = b.bindAddress;
    this.port = b.port;
    this.portAutoIncrement = b.portAutoIncrement;
    this.operationTimeout = b.operationTimeout;
    this.failureMode = b.failureMode;
    this.expectedMembers = b.expectedMembers;
    this.degradedRecheck = b.degradedRecheck;
    this.usageReadMaxAge = b.usageReadMaxAge;
    this.mapPrefix = b.mapPrefix;
    this.jndiName = b.jndiName;
    this.clientConnectTimeout = b.clientConnectTimeout;
    this.metricsPublishInterval = b.metricsPublishInterval;
    this.hazelcastProperties = Map.copyOf(b.hazelcastProperties);
  }

  /** The defaults: in-process, no grid. */
  public static ClusterSettings defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to change a few. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.mode = mode;
    b.clusterName = clusterName;
    b.members = new ArrayList<>(members);
    b.bindAddress = bindAddress;
    b.port = port;
    b.portAutoIncrement = portAutoIncrement;
    b.operationTimeout = operationTimeout;
    b.failureMode = failureMode;
    b.expectedMembers = expectedMembers;
    b.degradedRecheck = degradedRecheck;
    b.usageReadMaxAge = usageReadMaxAge;
    b.mapPrefix = mapPrefix;
    b.jndiName = jndiName;
    b.clientConnectTimeout = clientConnectTimeout;
    b.metricsPublishInterval = metricsPublishInterval;
    b.hazelcastProperties = new LinkedHashMap<>(hazelcastProperties);
    return b;
  }

  /**
   * Reads the {@code keytriage.cluster.*} properties of {@code properties} (other keys are
   * ignored), e.g. every MicroProfile Config property. Values: modes and failure modes in any case
   * with {@code -} or {@code _}; durations as {@code 500ms}, {@code 2s}, {@code 1m}, a plain number
   * of milliseconds or ISO-8601 ({@code PT0.5S}); members as a comma-separated list. {@code
   * keytriage.cluster.hazelcast.<name>} passes {@code <name>} to Hazelcast as a property.
   *
   * @throws IllegalArgumentException naming the property, the bad value and the fix
   */
  public static ClusterSettings fromProperties(Map<String, String> properties) {
    Builder b = builder();
    Map<String, String> mine = new TreeMap<>();
    properties.forEach(
        (k, v) -> {
          if (k != null && k.startsWith(PREFIX) && v != null) {
            mine.put(k, v.trim());
          }
        });
    for (Map.Entry<String, String> e : mine.entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      if (key.startsWith(HAZELCAST_PREFIX)) {
        b.hazelcastProperty(key.substring(HAZELCAST_PREFIX.length()), value);
        continue;
      }
      String name = key.substring(PREFIX.length());
      try {
        switch (name) {
          case "mode" -> b.mode(enumValue(ClusterMode.class, value));
          case "name" -> b.clusterName(value);
          case "members" -> b.members(splitList(value));
          case "bind-address" -> b.bindAddress(value);
          case "port" -> b.port(Integer.parseInt(value));
          case "port-auto-increment" -> b.portAutoIncrement(bool(value));
          case "operation-timeout" -> b.operationTimeout(duration(value));
          case "failure-mode" -> b.failureMode(enumValue(FailureMode.class, value));
          case "expected-members" -> b.expectedMembers(Integer.parseInt(value));
          case "degraded-recheck" -> b.degradedRecheck(duration(value));
          case "usage-read-max-age" -> b.usageReadMaxAge(duration(value));
          case "map-prefix" -> b.mapPrefix(value);
          case "jndi-name" -> b.jndiName(value);
          case "client-connect-timeout" -> b.clientConnectTimeout(duration(value));
          case "metrics-publish-interval" -> b.metricsPublishInterval(duration(value));
          default -> throw new IllegalArgumentException("unknown property");
        }
      } catch (IllegalArgumentException | DateTimeParseException ex) {
        throw new IllegalArgumentException(
            key + " = '" + value + "': " + ex.getMessage() + ". " + fixFor(name), ex);
      }
    }
    return b.build();
  }

  private static String fixFor(String name) {
    return switch (name) {
      case "mode" -> "Fix: use one of in-process, embedded, client, jndi";
      case "failure-mode" -> "Fix: use fail-closed or degrade";
      case "port", "expected-members" -> "Fix: use a whole number, e.g. 5701 or 3";
      case "port-auto-increment" -> "Fix: use true or false";
      case "operation-timeout", "degraded-recheck", "usage-read-max-age", "client-connect-timeout",
          "metrics-publish-interval" -> "Fix: use a duration such as 500ms, 2s or PT0.5S";
      case "members" -> "Fix: list host or host:port entries separated by commas, e.g. 10.0.0.1:5701,10.0.0.2:5701";
      default -> "Known properties: mode, name, members, bind-address, port, port-auto-increment, "
          + "operation-timeout, failure-mode, expected-members, degraded-recheck, usage-read-max-age, "
          + "map-prefix, jndi-name, client-connect-timeout, metrics-publish-interval, hazelcast.<name> "
          + "(each after " + PREFIX + ")";
    };
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
    String normal = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
    try {
      return Enum.valueOf(type, normal);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a " + type.getSimpleName());
    }
  }

  private static boolean bool(String value) {
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException("not true or false");
  }

  private static List<String> splitList(String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        out.add(part.trim());
      }
    }
    return out;
  }

  /** {@code 500ms}, {@code 2s}, {@code 1m}, a plain number of milliseconds, or ISO-8601. */
  static Duration duration(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.startsWith("pt") || v.startsWith("p")) {
      return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
    }
    try {
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
      }
      if (v.endsWith("s")) {
        return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).trim()) * 1000));
      }
      if (v.endsWith("m")) {
        return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).trim()) * 60);
      }
      return Duration.ofMillis(Long.parseLong(v));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a duration");
    }
  }

  /** Where the Hazelcast instance comes from. Default {@link ClusterMode#IN_PROCESS}: no grid. */
  public ClusterMode mode() {
    return mode;
  }

  /**
   * The Hazelcast cluster name (embedded and client mode). Default {@code keytriage}; members with
   * another name never join.
   */
  public String clusterName() {
    return clusterName;
  }

  /**
   * Embedded mode: the TCP-IP member list to join ({@code host} or {@code host:port}; a bare host
   * is tried on ports 5701-5703). Client mode: the cluster's addresses. Default {@code 127.0.0.1}.
   */
  public List<String> members() {
    return members;
  }

  /**
   * Embedded mode: the only interface the member binds to and announces. Default {@code
   * 127.0.0.1}, so an out-of-the-box member is never reachable from the network; set the node's
   * cluster-network address to form a real cluster.
   */
  public String bindAddress() {
    return bindAddress;
  }

  /** Embedded mode: the member's port. Default {@code 5701}. */
  public int port() {
    return port;
  }

  /** Embedded mode: try the next ports when {@link #port()} is taken. Default {@code true}. */
  public boolean portAutoIncrement() {
    return portAutoIncrement;
  }

  /**
   * The longest a ledger or key-state operation waits for the grid before {@link #failureMode()}
   * applies. Default 500 ms.
   */
  public Duration operationTimeout() {
    return operationTimeout;
  }

  /** What to do when the grid cannot answer in time. Default {@link FailureMode#FAIL_CLOSED}. */
  public FailureMode failureMode() {
    return failureMode;
  }

  /**
   * How many gateway nodes share the keys; in {@link FailureMode#DEGRADE} each node alone admits
   * {@code 1/expectedMembers} of each limit (rounded down). Default 3.
   */
  public int expectedMembers() {
    return expectedMembers;
  }

  /** The share of each limit a degraded node admits alone: {@code 1 / expectedMembers}. */
  public double degradedShare() {
    return 1.0 / expectedMembers;
  }

  /**
   * In {@link FailureMode#DEGRADE}, how long a node decides locally after the grid failed before it
   * tries the grid again; so an outage costs one timeout per interval, not one per request.
   * Default 1 s.
   */
  public Duration degradedRecheck() {
    return degradedRecheck;
  }

  /**
   * How old this node's copy of a key's usage or budget spend may be before it is read again (never
   * to admit: admission always runs on the grid); a usage copy also never crosses a second of the
   * clock. Reports read a stale copy again at once. The router, which ranks candidates and checks
   * budgets on every request, answers from the copy and has a stale one refreshed in the
   * background, so under steady traffic its view lags the grid by at most this age plus one round
   * trip and no request waits for it. Default 1 s; zero reads the grid every time, the router's
   * view included (one round trip more per request for usage, and one per budgeted candidate):
   * for tests that need exact views, not for production.
   */
  public Duration usageReadMaxAge() {
    return usageReadMaxAge;
  }

  /**
   * Prefix of the grid's map names ({@code <prefix>usage}, {@code <prefix>key-states}, {@code
   * <prefix>budget-spend}, {@code <prefix>member-metrics}, {@code <prefix>strategy-choices}), so
   * two gateways can share one grid. Default {@code keytriage.}.
   */
  public String mapPrefix() {
    return mapPrefix;
  }

  /** JNDI mode: where the server's Hazelcast instance is bound. Default {@code payara/Hazelcast}. */
  public String jndiName() {
    return jndiName;
  }

  /**
   * Client mode: how long starting waits for the first connection to the cluster before it gives
   * up with an error; once connected the client reconnects for ever. Default 10 s.
   */
  public Duration clientConnectTimeout() {
    return clientConnectTimeout;
  }

  /**
   * How often a node publishes its own counters for the cluster-wide metrics (it also publishes
   * whenever metrics are read). Default 5 s.
   */
  public Duration metricsPublishInterval() {
    return metricsPublishInterval;
  }

  /**
   * Extra Hazelcast properties for an instance KeyTriage creates (embedded or client), e.g. {@code
   * hazelcast.logging.type}. Default none; {@code hazelcast.phone.home.enabled} is always {@code
   * false}.
   */
  public Map<String, String> hazelcastProperties() {
    return hazelcastProperties;
  }

  @Override
  public String toString() {
    return "ClusterSettings[mode=" + mode + ", name=" + clusterName + ", members=" + members
        + ", bind=" + bindAddress + ":" + port + (portAutoIncrement ? "+" : "")
        + ", timeout=" + operationTimeout.toMillis() + "ms, failure=" + failureMode
        + ", expectedMembers=" + expectedMembers + ", maps=" + mapPrefix + "*]";
  }

  /** Builder; each setter documents nothing new: see the getter of the same name. */
  public static final class Builder {
    private ClusterMode mode = ClusterMode.IN_PROCESS;
    private String clusterName = "keytriage";
    private List<String> members = new ArrayList<>(List.of("127.0.0.1"));
    private String bindAddress = "127.0.0.1";
    private int port = 5701;
    private boolean portAutoIncrement = true;
    private Duration operationTimeout = Duration.ofMillis(500);
    private FailureMode failureMode = FailureMode.FAIL_CLOSED;
    private int expectedMembers = 3;
    private Duration degradedRecheck = Duration.ofSeconds(1);
    private Duration usageReadMaxAge = Duration.ofSeconds(1);
    private String mapPrefix = "keytriage.";
    private String jndiName = "payara/Hazelcast";
    private Duration clientConnectTimeout = Duration.ofSeconds(10);
    private Duration metricsPublishInterval = Duration.ofSeconds(5);
    private Map<String, String> hazelcastProperties = new LinkedHashMap<>();

    private Builder() {}

    public Builder mode(ClusterMode value) {
      this.mode = Objects.requireNonNull(value, "mode");
      return this;
    }

    public Builder clusterName(String value) {
      this.clusterName = requireText(value, "cluster name");
      return this;
    }

    public Builder members(List<String> value) {
      Objects.requireNonNull(value, "members");
      if (value.isEmpty()) {
        throw new IllegalArgumentException("the member list is empty");
      }
      List<String> copy = new ArrayList<>();
      value.forEach(m -> copy.add(requireText(m, "member address")));
      this.members = copy;
      return this;
    }

    public Builder members(String... value) {
      return members(List.of(value));
    }

    public Builder bindAddress(String value) {
      this.bindAddress = requireText(value, "bind address");
      return this;
    }

    public Builder port(int value) {
      if (value < 1 || value > 65_535) {
        throw new IllegalArgumentException("port must be 1..65535, was " + value);
      }
      this.port = value;
      return this;
    }

    public Builder portAutoIncrement(boolean value) {
      this.portAutoIncrement = value;
      return this;
    }

    public Builder operationTimeout(Duration value) {
      this.operationTimeout = requirePositive(value, "operation timeout");
      return this;
    }

    public Builder failureMode(FailureMode value) {
      this.failureMode = Objects.requireNonNull(value, "failureMode");
      return this;
    }

    public Builder expectedMembers(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("expected members must be >= 1, was " + value);
      }
      this.expectedMembers = value;
      return this;
    }

    public Builder degradedRecheck(Duration value) {
      this.degradedRecheck = requirePositive(value, "degraded recheck interval");
      return this;
    }

    public Builder usageReadMaxAge(Duration value) {
      Objects.requireNonNull(value, "usageReadMaxAge");
      if (value.isNegative()) {
        throw new IllegalArgumentException("usage read max age must be >= 0, was " + value);
      }
      this.usageReadMaxAge = value;
      return this;
    }

    public Builder mapPrefix(String value) {
      this.mapPrefix = Objects.requireNonNull(value, "mapPrefix");
      return this;
    }

    public Builder jndiName(String value) {
      this.jndiName = requireText(value, "JNDI name");
      return this;
    }

    public Builder clientConnectTimeout(Duration value) {
      this.clientConnectTimeout = requirePositive(value, "client connect timeout");
      return this;
    }

    public Builder metricsPublishInterval(Duration value) {
      this.metricsPublishInterval = requirePositive(value, "metrics publish interval");
      return this;
    }

    /** Adds one Hazelcast property for an instance KeyTriage creates. */
    public Builder hazelcastProperty(String name, String value) {
      hazelcastProperties.put(requireText(name, "Hazelcast property name"), Objects.requireNonNull(value, name));
      return this;
    }

    public ClusterSettings build() {
      return new ClusterSettings(this);
    }

    private static String requireText(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("the " + what + " is empty");
      }
      return value.trim();
    }

    private static Duration requirePositive(Duration value, String what) {
      Objects.requireNonNull(value, what);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("the " + what + " must be positive, was " + value);
      }
      return value;
    }
  }
}
