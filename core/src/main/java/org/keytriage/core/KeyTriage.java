package org.keytriage.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.keytriage.core.audit.AuditLog;
import org.keytriage.core.audit.AuditRecord;
import org.keytriage.core.audit.AuditTrail;
import org.keytriage.core.requests.RequestLog;
import org.keytriage.core.requests.RequestLogSettings;
import org.keytriage.core.requests.RequestLogStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.keytriage.core.accounting.BudgetLedger;
import org.keytriage.core.accounting.CounterExchange;
import org.keytriage.core.accounting.HealthReport;
import org.keytriage.core.accounting.KeyMetrics;
import org.keytriage.core.accounting.MetricsSnapshot;
import org.keytriage.core.accounting.OptimizationAdvisor;
import org.keytriage.core.accounting.OptimizationReport;
import org.keytriage.core.accounting.SpendStore;
import org.keytriage.core.accounting.UsageAccounting;
import org.keytriage.core.alerts.AlertSink;
import org.keytriage.core.alerts.AlertsFromEvents;
import org.keytriage.core.alerts.RecentAlerts;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.ConfigLoader;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.config.internal.BuiltConfigValidator;
import org.keytriage.core.events.GatewayEvents;
import org.keytriage.core.events.StrategyChanged;
import org.keytriage.core.gateway.Call;
import org.keytriage.core.gateway.Gateway;
import org.keytriage.core.gateway.internal.DefaultGateway;
import org.keytriage.core.keys.KeyCatalogStore;
import org.keytriage.core.keys.KeySwitchStore;
import org.keytriage.core.keys.KeyRegistry;
import org.keytriage.core.keys.KeyState;
import org.keytriage.core.keys.KeyStateStore;
import org.keytriage.core.ledger.UsageLedger;
import org.keytriage.core.ledger.UsageLedgers;
import org.keytriage.core.plugin.PluginRegistry;
import org.keytriage.core.plugin.Plugins;
import org.keytriage.core.reports.Reports;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.routing.Router;
import org.keytriage.core.routing.StrategyChoiceStore;
import org.keytriage.core.routing.internal.DefaultRouter;
import org.keytriage.core.upstream.UpstreamSettings;
import org.keytriage.core.upstream.internal.UpstreamCalls;
import org.keytriage.spi.BalancingStrategyFactory;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.RoutingRequest;
import org.keytriage.spi.TaskHandlerFactory;
import org.keytriage.spi.TaskTypes;

/**
 * The composition root of one process's engine: it wires the key registry, usage ledger, router,
 * {@link Gateway} (the one way a request reaches NVIDIA), events and reports, and closes them.
 * Thread-safe. Build it with {@link #builder(KeyTriageConfig)} and close it when done.
 *
 * <pre>{@code
 * try (KeyTriage kt = KeyTriage.builder(config).build()) {
 *   GatewayResponse r = kt.gateway().complete(Call.of("medical_text_analysis", request));
 * }
 * }</pre>
 *
 * <p>A program that calls NVIDIA itself can still take a key and its reservation with {@link
 * #allocate(String, RoutingHints)} and complete the {@link Allocation} exactly once.
 */
public final class KeyTriage implements AutoCloseable {
  private final KeyTriageConfig config;
  private final Clock clock;
  private final UsageLedger ledger;
  private final BudgetLedger budgets;
  private final GatewayEvents events = new GatewayEvents();
  private final AlertSink alerts;
  private final Plugins plugins;
  private final KeyRegistry keys;
  private final DefaultRouter router;
  private final Reports reports;
  private final UpstreamCalls upstream;
  private final Gateway gateway;
  private final AutoCloseable publication;
  private final RequestLog requestLog;
  private final AuditLog audit;

  private KeyTriage(Builder b) {
    this.config = b.config;
    this.ledger = b.ledger != null ? b.ledger : UsageLedgers.inProcess(b.clock);
    this.clock = ledger.clock();
    KeyStateStore states = b.states != null ? b.states : KeyStateStore.inProcess();
    this.budgets =
        new BudgetLedger(
            clock,
            b.spendStore != null ? b.spendStore : SpendStore.inProcess(),
            config.apiKeys().stream().map(ApiKeyConfig::keyId).toList());
    CounterExchange counters = b.counterExchange != null ? b.counterExchange : CounterExchange.none();
    this.alerts = b.alerts != null ? b.alerts : new RecentAlerts();
    this.plugins = b.plugins != null ? b.plugins : Plugins.discover(b.classLoader, b.pluginsDirectory);
    UsageAccounting accounting = new UsageAccounting();
    UpstreamCalls calls = null;
    try {
      Set<String> taskTypes = knownTaskTypes(plugins.taskHandlers().ids());
      BuiltConfigValidator validator = new BuiltConfigValidator(taskTypes, plugins.strategies().ids());
      validator.check(config);
      events.subscribe(new AlertsFromEvents(alerts));
      this.keys = new KeyRegistry(config.apiKeys(), states,
          b.keyCatalog != null ? b.keyCatalog : KeyCatalogStore.inProcess(),
          candidate -> validator.check(config.withKeys(candidate)), clock, events,
          // a rotated-out secret outlives every call that may hold it: the deadline bounds them all
          b.upstream.requestDeadline().plusSeconds(5));
      this.router = new DefaultRouter(config, taskTypes, plugins.strategies(), ledger, states,
          accounting, budgets, events, b.upstream.routingGuards(),
          b.strategyChoices != null ? b.strategyChoices : StrategyChoiceStore.inProcess());
      this.reports = new Reports(keys, router, ledger, accounting, counters, budgets, clock);
      reports.rotationMaxAge(b.rotationMaxAge);
      calls = new UpstreamCalls(router, keys, b.upstream, clock, events);
      this.upstream = calls;
      if (b.keySwitches != null) {
        keys.keepSwitchesIn(b.keySwitches);
      }
      keys.onChange(router::useKeys);
      // the cluster's run-time changes made before this node started, or while it was starting
      router.useKeys(keys.all());
      this.gateway = new DefaultGateway(calls, plugins.taskHandlers(), b.handlerSettings, events, clock);
    } catch (RuntimeException e) {
      if (calls != null) {
        calls.close();
      }
      plugins.close();
      throw e;
    }
    this.publication = counters.publish(accounting::snapshot);
    this.audit = b.auditTrail == null ? null : AuditLog.start(b.auditTrail);
    if (audit != null) {
      events.subscribe(audit);
      audit.recordLater(new AuditRecord(clock.instant(), AuditLog.GATEWAY_ACTOR, "config.loaded",
          String.valueOf(config.source()), Map.of("keys", Integer.toString(keys.all().size()),
              "task_types", String.join(",", new java.util.TreeSet<>(taskTypes())))));
    }
    if (b.requestLogStore != null) {
      // what was spent before this start counts against today's and this month's budgets
      Instant now = clock.instant();
      Instant day = now.truncatedTo(ChronoUnit.DAYS);
      Instant month = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      budgets.restore(b.requestLogStore.spendByKey(day, month));
      this.requestLog = RequestLog.start(b.requestLogStore, b.requestLogSettings, clock, alerts);
      events.subscribe(requestLog);
    } else {
      this.requestLog = null;
    }
  }

  /**
   * Loads the guide's {@code config/api_keys_config.json} and {@code .env.api_keys} from {@code
   * dir} (the env file may be absent) and builds the engine on the system clock.
   *
   * @throws org.keytriage.core.config.ConfigException naming file, key, field and fix
   */
  public static KeyTriage fromWorkingDirectory(Path dir) {
    return fromWorkingDirectory(dir, builderDefaults());
  }

  /**
   * Like {@link #fromWorkingDirectory(Path)}, with a builder's settings (clock, ledger, plugins,
   * upstream). Plugins are discovered once: the configuration is checked against them and the
   * engine uses the same ones.
   */
  public static KeyTriage fromWorkingDirectory(Path dir, Builder settings) {
    Plugins plugins = settings.plugins != null
        ? settings.plugins : Plugins.discover(settings.classLoader, settings.pluginsDirectory);
    try {
      KeyTriageConfig config = ConfigLoader.fromWorkingDirectory(
          dir, knownTaskTypes(plugins.taskHandlers().ids()), plugins.strategies().ids()).load();
      settings.plugins = plugins;
      return settings.withConfig(config).build();
    } catch (RuntimeException e) {
      plugins.close();
      throw e;
    }
  }

  /** A builder without a configuration yet, for {@link #fromWorkingDirectory(Path, Builder)}. */
  public static Builder builderDefaults() {
    return new Builder(KeyTriageConfig.builder().build());
  }

  /** The task types a configuration may name: the six built-in ones and those of task handlers. */
  private static Set<String> knownTaskTypes(Set<String> handlerIds) {
    Set<String> known = new LinkedHashSet<>(TaskTypes.BUILT_IN);
    known.addAll(handlerIds);
    return known;
  }

  public static Builder builder(KeyTriageConfig config) {
    return new Builder(config);
  }

  /** The one way a request reaches NVIDIA: choose, reserve, call, fail over, settle, publish. */
  public Gateway gateway() {
    return gateway;
  }

  /** What happened, for subscribers: metrics, alerts, the request log, the audit trail. */
  public GatewayEvents events() {
    return events;
  }

  /** The key catalogue and each key's state. */
  public KeyRegistry keys() {
    return keys;
  }

  /**
   * Chooses a key for a request of {@code taskType} and reserves capacity on it, for a program that
   * calls NVIDIA itself; {@link #gateway()} does all of it for you.
   */
  public Allocation allocate(String taskType, RoutingHints hints) {
    return router.allocate(new RoutingRequest(taskType, hints));
  }

  public Allocation allocate(RoutingRequest request) {
    return router.allocate(request);
  }

  /** The router, for benchmarks and tests of routing itself. */
  public Router router() {
    return router;
  }

  /** The task types the engine routes, sorted. */
  public Set<String> taskTypes() {
    return router.taskTypes();
  }

  /** The strategy id the task type uses now. */
  public String strategyOf(String taskType) {
    return router.strategyOf(taskType);
  }

  /**
   * Switches a task type to another balancing strategy, effective for the next request, and
   * publishes who did it and why.
   *
   * @throws org.keytriage.core.routing.UnknownStrategyException listing the available ones
   * @throws org.keytriage.core.routing.UnknownTaskTypeException for an unknown task type
   */
  public void useStrategy(String taskType, String strategyId, String actor, String reason) {
    String before = router.strategyOf(taskType);
    router.useStrategy(taskType, strategyId);
    events.publish(new StrategyChanged(clock.instant(), taskType, before, strategyId, actor, reason));
  }

  public KeyTriageConfig config() {
    return config;
  }

  public Clock clock() {
    return clock;
  }

  public UsageLedger ledger() {
    return ledger;
  }

  /** Where alerts go; a {@link RecentAlerts} unless the builder was given another sink. */
  public AlertSink alerts() {
    return alerts;
  }

  /** Cost booked per key and in total, per UTC day and month, for budget checks. */
  public BudgetLedger budgets() {
    return budgets;
  }

  public PluginRegistry<BalancingStrategyFactory> strategies() {
    return plugins.strategies();
  }

  public PluginRegistry<TaskHandlerFactory> taskHandlers() {
    return plugins.taskHandlers();
  }

  /** The task types with at least one configured key (specialised, or any when backups exist). */
  public Set<String> configuredTaskTypes() {
    return reports.configuredTaskTypes();
  }

  /** Turns a key on or off for routing, as a direct library call. */
  public void setActive(String keyId, boolean active) {
    keys.setActive(keyId, active, Call.LIBRARY_CALLER, "");
  }

  /** Lifts a quarantine, any cooldown and an open circuit, and activates the key (a library call). */
  public void restore(String keyId) {
    keys.restore(keyId, Call.LIBRARY_CALLER, "");
  }

  /** The key's configuration. */
  public ApiKeyConfig key(String keyId) {
    return keys.key(keyId);
  }

  public KeyState state(String keyId) {
    return keys.state(keyId);
  }

  /** Each key's figures now, in configuration order. */
  public List<KeyMetrics> keyMetrics() {
    return reports.keyMetrics();
  }

  /** The guide's {@code get_api_key_metrics()}. */
  public MetricsSnapshot metrics() {
    return reports.metrics();
  }

  /** The guide's {@code health_check()}. */
  public HealthReport health() {
    return reports.health();
  }

  /** The guide's {@code optimize_api_key_allocation()}. */
  public OptimizationReport optimize() {
    return reports.optimize();
  }

  /** The upstream settings the engine was built with. */
  public UpstreamSettings upstreamSettings() {
    return upstream.settings();
  }

  /**
   * The request log, when the engine has a {@link Builder#requestLog store} for it: its writer's
   * figures, and through {@link RequestLog#store()} the rows and the spend history.
   */
  public Optional<RequestLog> requestLog() {
    return Optional.ofNullable(requestLog);
  }

  /** The audit log, when the engine has a {@link Builder#auditTrail trail}. */
  public Optional<AuditLog> audit() {
    return Optional.ofNullable(audit);
  }

  /**
   * Stops the upstream client (calls in flight fail), the plugins, and the ledger, then writes
   * what the request and audit logs still hold.
   */
  @Override
  public void close() {
    try {
      publication.close();
    } catch (Exception e) {
      // publishing is best effort; closing the engine must not fail for it
    }
    keys.close();
    upstream.close();
    plugins.close();
    ledger.close();
    if (requestLog != null) {
      requestLog.close();
    }
    if (audit != null) {
      audit.close();
    }
  }

  /**
   * Builder. Defaults: system UTC clock; in-process ledger, key states and budget spend on that
   * clock; metrics of this node only; alerts kept in a {@link RecentAlerts}; plugins from the
   * thread's context class loader (or this class's) and no plugins folder; {@link
   * UpstreamSettings#defaults()} (which also give the routing guards); every task handler with its
   * default settings.
   */
  public static final class Builder {
    private KeyTriageConfig config;
    private Clock clock = Clock.systemUTC();
    private UsageLedger ledger;
    private KeyStateStore states;
    private SpendStore spendStore;
    private CounterExchange counterExchange;
    private RequestLogStore requestLogStore;
    private RequestLogSettings requestLogSettings = RequestLogSettings.DEFAULTS;
    private AuditTrail auditTrail;
    private KeySwitchStore keySwitches;
    private Duration rotationMaxAge = OptimizationAdvisor.DEFAULT_ROTATION_MAX_AGE;
    private StrategyChoiceStore strategyChoices;
    private KeyCatalogStore keyCatalog;
    private AlertSink alerts;
    private ClassLoader classLoader = defaultClassLoader();
    private Path pluginsDirectory;
    private Plugins plugins;
    private UpstreamSettings upstream = UpstreamSettings.defaults();
    private final Map<String, Map<String, String>> handlerSettings = new LinkedHashMap<>();

    private Builder(KeyTriageConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    private static ClassLoader defaultClassLoader() {
      ClassLoader cl = Thread.currentThread().getContextClassLoader();
      return cl != null ? cl : KeyTriage.class.getClassLoader();
    }

    /** The clock for the default ledger; ignored when a ledger is given (it has its own). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value);
      return this;
    }

    public Builder ledger(UsageLedger value) {
      this.ledger = value;
      return this;
    }

    public Builder keyStates(KeyStateStore value) {
      this.states = value;
      return this;
    }

    /** Where budget spend is kept; default in process. A cluster store shares budgets. */
    public Builder spendStore(SpendStore value) {
      this.spendStore = value;
      return this;
    }

    /** How metrics see the other nodes; default {@link CounterExchange#none()} (this node only). */
    public Builder counterExchange(CounterExchange value) {
      this.counterExchange = value;
      return this;
    }

    /**
     * Where run-time strategy switches are kept; default in process. A cluster store makes a switch
     * hold on every node.
     */
    /**
     * Where keys added, changed or retired at run time are shared; default in process. A cluster
     * store makes a change visible on every node at once.
     */
    public Builder keyCatalog(KeyCatalogStore value) {
      this.keyCatalog = value;
      return this;
    }

    /**
     * Keeps one row per client request in {@code store} (written off the request path, see {@link
     * RequestLog}) and restores today's and this month's budget spend from its history at start;
     * default none.
     */
    public Builder requestLog(RequestLogStore store, RequestLogSettings settings) {
      this.requestLogStore = Objects.requireNonNull(store, "store");
      this.requestLogSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** Audits key penalties, key and strategy changes and configuration loads in {@code trail}; default none. */
    public Builder auditTrail(AuditTrail trail) {
      this.auditTrail = Objects.requireNonNull(trail, "trail");
      return this;
    }

    /** Keys whose secret is older than this are recommended for rotation; default 90 days. */
    public Builder rotationMaxAge(Duration value) {
      this.rotationMaxAge = Objects.requireNonNull(value, "value");
      return this;
    }

    /** Where operators' key switches outlive the key states; default none (see {@link KeySwitchStore}). */
    public Builder keySwitches(KeySwitchStore value) {
      this.keySwitches = Objects.requireNonNull(value, "value");
      return this;
    }

    public Builder strategyChoices(StrategyChoiceStore value) {
      this.strategyChoices = value;
      return this;
    }

    /** Where alerts go; default a new {@link RecentAlerts}. */
    public Builder alerts(AlertSink value) {
      this.alerts = value;
      return this;
    }

    public Builder classLoader(ClassLoader value) {
      this.classLoader = Objects.requireNonNull(value);
      return this;
    }

    public Builder pluginsDirectory(Path value) {
      this.pluginsDirectory = value;
      return this;
    }

    /**
     * How NVIDIA is called: deadlines, timeouts, cooldowns, and the routing guards (circuit
     * breaker, latency demotion, budgets) derived from them.
     */
    public Builder upstream(UpstreamSettings value) {
      this.upstream = Objects.requireNonNull(value, "upstream");
      return this;
    }

    /**
     * Settings for one task type's handler, e.g. {@code model} or {@code max_tokens}; checked when
     * the engine is built.
     */
    public Builder handlerSettings(String taskType, Map<String, String> values) {
      handlerSettings.put(Objects.requireNonNull(taskType, "taskType"), Map.copyOf(values));
      return this;
    }

    Builder withConfig(KeyTriageConfig value) {
      this.config = Objects.requireNonNull(value);
      return this;
    }

    /**
     * @throws org.keytriage.core.config.ConfigException when the configuration names a task type
     *     or strategy no plugin provides
     * @throws IllegalArgumentException naming the setting when a handler setting is invalid
     */
    public KeyTriage build() {
      return new KeyTriage(this);
    }
  }
}
