package org.keytriage.core;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.keytriage.core.accounting.AccountingSnapshot;
import org.keytriage.core.accounting.BudgetLedger;
import org.keytriage.core.accounting.BudgetLimits;
import org.keytriage.core.accounting.BudgetSpend;
import org.keytriage.core.accounting.CounterExchange;
import org.keytriage.core.accounting.CounterSnapshot;
import org.keytriage.core.accounting.HealthAssessor;
import org.keytriage.core.accounting.HealthReport;
import org.keytriage.core.accounting.KeyMetrics;
import org.keytriage.core.accounting.MetricsSnapshot;
import org.keytriage.core.accounting.OptimizationAdvisor;
import org.keytriage.core.accounting.OptimizationReport;
import org.keytriage.core.accounting.SpendStore;
import org.keytriage.core.accounting.TaskMetrics;
import org.keytriage.core.accounting.UsageAccounting;
import org.keytriage.core.alerts.AlertSink;
import org.keytriage.core.alerts.RecentAlerts;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.ConfigLoader;
import org.keytriage.core.config.internal.BuiltConfigValidator;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.keys.KeyState;
import org.keytriage.core.keys.KeyStateStore;
import org.keytriage.core.ledger.UsageLedger;
import org.keytriage.core.ledger.UsageLedgers;
import org.keytriage.core.ledger.UsageSnapshot;
import org.keytriage.core.plugin.PluginRegistry;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.routing.Router;
import org.keytriage.core.routing.StrategyChoiceStore;
import org.keytriage.core.routing.internal.DefaultRouter;
import org.keytriage.spi.BalancingStrategyFactory;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.RoutingRequest;
import org.keytriage.spi.TaskHandlerFactory;
import org.keytriage.spi.TaskTypes;

/**
 * The gateway engine for one process: keys, usage ledger, router, accounting, health and advice.
 * Thread-safe. Build it with {@link #builder(KeyTriageConfig)} and close it when done.
 *
 * <pre>{@code
 * try (KeyTriage kt = KeyTriage.builder(config).build()) {
 *   Allocation a = kt.allocate("medical_text_analysis", RoutingHints.ofTokens(1200));
 *   try { ... call NVIDIA with a.apiKey() ...; a.succeeded(actualTokens, latencyMs); }
 *   finally { a.release(); } // no-op after succeeded/failed
 * }
 * }</pre>
 */
public final class KeyTriage implements AutoCloseable {
  private final KeyTriageConfig config;
  private final Clock clock;
  private final UsageLedger ledger;
  private final KeyStateStore states;
  private final UsageAccounting accounting = new UsageAccounting();
  private final BudgetLedger budgets;
  private final CounterExchange counters;
  private final AutoCloseable publication;
  private final AlertSink alerts;
  private final PluginRegistry<BalancingStrategyFactory> strategies;
  private final PluginRegistry<TaskHandlerFactory> taskHandlers;
  private final Router router;
  private final Map<String, ApiKeyConfig> keysById;

  private KeyTriage(Builder b) {
    this.config = b.config;
    this.ledger = b.ledger != null ? b.ledger : UsageLedgers.inProcess(b.clock);
    this.clock = ledger.clock();
    this.states = b.states != null ? b.states : KeyStateStore.inProcess();
    this.budgets =
        new BudgetLedger(
            clock,
            b.spendStore != null ? b.spendStore : SpendStore.inProcess(),
            config.apiKeys().stream().map(ApiKeyConfig::keyId).toList());
    this.counters = b.counterExchange != null ? b.counterExchange : CounterExchange.none();
    this.alerts = b.alerts != null ? b.alerts : new RecentAlerts();
    this.strategies =
        PluginRegistry.discover(BalancingStrategyFactory.class, b.classLoader, b.pluginsDirectory);
    this.taskHandlers =
        PluginRegistry.discover(TaskHandlerFactory.class, b.classLoader, b.pluginsDirectory);
    try {
      new BuiltConfigValidator(knownTaskTypes(taskHandlers.ids()), strategies.ids()).check(config);
    } catch (RuntimeException e) {
      strategies.close();
      taskHandlers.close();
      throw e;
    }
    Map<String, ApiKeyConfig> byId = new LinkedHashMap<>();
    config.apiKeys().forEach(k -> byId.put(k.keyId(), k));
    this.keysById = Map.copyOf(byId);
    this.router =
        new DefaultRouter(
            config,
            knownTaskTypes(taskHandlers.ids()),
            strategies,
            ledger,
            states,
            accounting,
            budgets,
            alerts,
            b.strategyChoices != null ? b.strategyChoices : StrategyChoiceStore.inProcess());
    this.publication = counters.publish(accounting::snapshot);
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

  /** Like {@link #fromWorkingDirectory(Path)}, with a builder's settings (clock, ledger, plugins). */
  public static KeyTriage fromWorkingDirectory(Path dir, Builder settings) {
    Set<String> strategyIds;
    Set<String> handlerIds;
    try (PluginRegistry<BalancingStrategyFactory> s =
            PluginRegistry.discover(BalancingStrategyFactory.class, settings.classLoader, settings.pluginsDirectory);
        PluginRegistry<TaskHandlerFactory> h =
            PluginRegistry.discover(TaskHandlerFactory.class, settings.classLoader, settings.pluginsDirectory)) {
      strategyIds = s.ids();
      handlerIds = h.ids();
    }
    KeyTriageConfig config =
        ConfigLoader.fromWorkingDirectory(dir, knownTaskTypes(handlerIds), strategyIds).load();
    return settings.withConfig(config).build();
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

  /** Chooses a key for a request of {@code taskType} and reserves capacity on it. */
  public Allocation allocate(String taskType, RoutingHints hints) {
    return router.allocate(new RoutingRequest(taskType, hints));
  }

  public Allocation allocate(RoutingRequest request) {
    return router.allocate(request);
  }

  public Router router() {
    return router;
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
    return strategies;
  }

  public PluginRegistry<TaskHandlerFactory> taskHandlers() {
    return taskHandlers;
  }

  /** The task types with at least one configured key (specialised, or any when backups exist). */
  public Set<String> configuredTaskTypes() {
    Set<String> tasks = new TreeSet<>();
    config.apiKeys().forEach(k -> tasks.addAll(k.taskTypes()));
    return tasks;
  }

  /** Turns a key on or off for routing (an administrator's switch). */
  public void setActive(String keyId, boolean active) {
    ApiKeyConfig key = requireKey(keyId);
    states.update(keyId, KeyState.initial(key.active()), s -> s.withActive(active));
  }

  /** Lifts a quarantine, any cooldown and an open circuit, and activates the key. */
  public void restore(String keyId) {
    ApiKeyConfig key = requireKey(keyId);
    states.update(keyId, KeyState.initial(key.active()), s -> KeyState.initial(true));
  }

  /**
   * Applies {@code change} to the key's run-time state atomically and returns the new state; the
   * upstream gateway uses it for cooldowns and quarantine.
   */
  public KeyState updateState(String keyId, UnaryOperator<KeyState> change) {
    ApiKeyConfig key = requireKey(keyId);
    return states.update(keyId, KeyState.initial(key.active()), change);
  }

  /** The key's configuration. */
  public ApiKeyConfig key(String keyId) {
    return requireKey(keyId);
  }

  public KeyState state(String keyId) {
    ApiKeyConfig key = requireKey(keyId);
    return states.get(keyId, KeyState.initial(key.active()));
  }

  private ApiKeyConfig requireKey(String keyId) {
    ApiKeyConfig key = keysById.get(keyId);
    if (key == null) {
      throw new IllegalArgumentException(
          "Unknown key_id '" + keyId + "'. Configured keys: " + String.join(", ", keysById.keySet()));
    }
    return key;
  }

  /**
   * Each key's figures now, in configuration order. Usage, state and spend are the cluster's when
   * the engine runs on cluster backends, and so are the call counters with a {@link
   * CounterExchange}.
   */
  public List<KeyMetrics> keyMetrics() {
    return keyMetrics(counters.combine(accounting.snapshot()));
  }

  private List<KeyMetrics> keyMetrics(AccountingSnapshot all) {
    long now = clock.millis();
    BudgetLimits global = router.guards().globalBudget();
    double globalShare = global.utilisation(budgets.totalSpend());
    List<KeyMetrics> out = new ArrayList<>();
    for (ApiKeyConfig k : config.apiKeys()) {
      KeyState s = states.get(k.keyId(), KeyState.initial(k.active()));
      UsageSnapshot u = ledger.usage(k.keyId());
      CounterSnapshot c = all.key(k.keyId());
      BudgetSpend spend = budgets.spend(k.keyId());
      double budgetShare =
          Math.max(new BudgetLimits(Math.max(0, k.dailyBudget()), Math.max(0, k.monthlyBudget())).utilisation(spend), globalShare);
      out.add(
          new KeyMetrics(
              k.keyId(),
              new ArrayList<>(new TreeSet<>(k.taskTypes())),
              k.backup(),
              k.priority(),
              k.costPerToken(),
              k.maxRpm(),
              k.maxTpm(),
              s.active(),
              s.quarantined(),
              s.coolingDownAt(now),
              u.requests(),
              u.tokens(),
              c.requests(),
              c.successes(),
              c.failures(),
              100 * c.successRatio(),
              c.averageLatencyMillis(),
              c.latencyEwmaMillis(),
              c.tokens(),
              c.cost(),
              s.circuitStateAt(now),
              Math.max(0, s.cooldownUntilMillis() - now),
              spend.today(),
              spend.thisMonth(),
              budgetShare));
    }
    return out;
  }

  /** The guide's {@code get_api_key_metrics()}. */
  public MetricsSnapshot metrics() {
    AccountingSnapshot all = counters.combine(accounting.snapshot());
    Map<String, KeyMetrics> keys = new LinkedHashMap<>();
    keyMetrics(all).forEach(k -> keys.put(k.keyId(), k));
    Map<String, TaskMetrics> tasks = new LinkedHashMap<>();
    Map<String, Map<String, Long>> distribution = new LinkedHashMap<>();
    for (String task : router.taskTypes()) {
      CounterSnapshot c = all.task(task);
      long rejected = all.rejected(task);
      if (c.requests() == 0 && rejected == 0 && !configuredTaskTypes().contains(task)) {
        continue;
      }
      tasks.put(
          task,
          new TaskMetrics(
              task,
              router.strategyOf(task),
              c.requests(),
              c.successes(),
              c.failures(),
              rejected,
              100 * c.successRatio(),
              c.averageLatencyMillis(),
              c.tokens(),
              c.cost()));
      distribution.put(task, all.distribution(task));
    }
    return new MetricsSnapshot(clock.instant(), keys, tasks, distribution);
  }

  /** The guide's {@code health_check()}. */
  public HealthReport health() {
    return new HealthAssessor().assess(clock.instant(), keyMetrics(), configuredTaskTypes());
  }

  /** The guide's {@code optimize_api_key_allocation()}. */
  public OptimizationReport optimize() {
    return new OptimizationAdvisor().advise(metrics(), configuredTaskTypes());
  }

  @Override
  public void close() {
    try {
      publication.close();
    } catch (Exception e) {
      // publishing is best effort; closing the engine must not fail for it
    }
    strategies.close();
    taskHandlers.close();
    ledger.close();
  }

  /**
   * Builder. Defaults: system UTC clock; in-process ledger, key states and budget spend on that
   * clock; metrics of this node only; alerts kept in a {@link RecentAlerts}; plugins from the
   * thread's context class loader (or this class's) and no plugins folder.
   */
  public static final class Builder {
    private KeyTriageConfig config;
    private Clock clock = Clock.systemUTC();
    private UsageLedger ledger;
    private KeyStateStore states;
    private SpendStore spendStore;
    private CounterExchange counterExchange;
    private StrategyChoiceStore strategyChoices;
    private AlertSink alerts;
    private ClassLoader classLoader = defaultClassLoader();
    private Path pluginsDirectory;

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

    Builder withConfig(KeyTriageConfig value) {
      this.config = Objects.requireNonNull(value);
      return this;
    }

    public KeyTriage build() {
      return new KeyTriage(this);
    }
  }
}
