package org.keytriage.core.routing.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.keytriage.core.accounting.BudgetLedger;
import org.keytriage.core.accounting.UsageAccounting;
import org.keytriage.core.accounting.internal.OutcomeCounters;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.events.GatewayEvents;
import org.keytriage.core.keys.CircuitState;
import org.keytriage.core.keys.KeyState;
import org.keytriage.core.keys.KeyStateStore;
import org.keytriage.core.ledger.DenialReason;
import org.keytriage.core.ledger.ReserveResult;
import org.keytriage.core.ledger.UsageLedger;
import org.keytriage.core.ledger.UsageSnapshot;
import org.keytriage.core.plugin.PluginRegistry;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.routing.NoAvailableKeyException;
import org.keytriage.core.routing.Refusal;
import org.keytriage.core.routing.Router;
import org.keytriage.core.routing.RoutingGuards;
import org.keytriage.core.routing.StrategyChoiceStore;
import org.keytriage.core.routing.UnknownStrategyException;
import org.keytriage.core.routing.UnknownTaskTypeException;
import org.keytriage.spi.BalancingStrategy;
import org.keytriage.spi.BalancingStrategyFactory;
import org.keytriage.spi.CandidateKey;
import org.keytriage.spi.KeyTier;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.spi.RoutingRequest;

/**
 * The router: for each tier (specialised keys, then backups), the usable keys become candidates,
 * the task type's strategy orders them, and the first the ledger admits gets the request.
 *
 * <p>Usable means active, not quarantined, not cooling down, circuit admitting (see {@link
 * CircuitKeeper}) and budget not exhausted. After the strategy, {@link CandidateDemotion} moves keys
 * over their budget warning share and slow keys to the back of the tier. A half-open key is
 * reserved first and then its single probe claimed, so a lost race costs one reservation released,
 * never a second probe.
 *
 * <p>Grid round trips, on cluster backends: a served request waits for the grid at most three
 * times, however many candidates there are: one batched read of the route's key states ({@link
 * CandidateView}), the reservation and the settle. Usage for the strategy and budget spend come
 * from this node's copies (refreshed in the background), a closed circuit is admitted and
 * succeeds on the state the view read, and cost is booked without waiting. Only transitions (a
 * half-open probe, a success after 429s, a failure) update the state store, and every candidate
 * the ledger refuses costs one more reservation.
 */
public final class DefaultRouter implements Router {
  private final KeyTriageConfig config;
  private final PluginRegistry<BalancingStrategyFactory> strategies;
  private final UsageLedger ledger;
  private final KeyStateStore states;
  private final UsageAccounting accounting;
  private final Clock clock;
  private final ConcurrentMap<String, TaskRoute> routes = new ConcurrentHashMap<>();
  private final BudgetGuard budgets;
  private final CompletionServices services;
  private final StrategyChoiceStore strategyChoices;
  private final ChosenStrategies chosen;
  private final RoutingGuards guards;
  private final List<String> taskTypes;

  /**
   * A router with default guards, no budget ledger or strategy choices shared with anyone, and
   * events heard by no one.
   */
  public DefaultRouter(
      KeyTriageConfig config,
      Collection<String> taskTypes,
      PluginRegistry<BalancingStrategyFactory> strategies,
      UsageLedger ledger,
      KeyStateStore states,
      UsageAccounting accounting) {
    this(config, taskTypes, strategies, ledger, states, accounting,
        new BudgetLedger(ledger.clock()), new GatewayEvents(), RoutingGuards.DEFAULTS,
        StrategyChoiceStore.inProcess());
  }

  /**
   * @param strategyChoices where {@link #useStrategy} records a switch, and where every request
   *     looks for one (a cluster store shares switches between nodes)
   */
  public DefaultRouter(
      KeyTriageConfig config,
      Collection<String> taskTypes,
      PluginRegistry<BalancingStrategyFactory> strategies,
      UsageLedger ledger,
      KeyStateStore states,
      UsageAccounting accounting,
      BudgetLedger budgetLedger,
      GatewayEvents events,
      RoutingGuards guards,
      StrategyChoiceStore strategyChoices) {
    this.config = config;
    this.strategyChoices = java.util.Objects.requireNonNull(strategyChoices, "strategyChoices");
    this.chosen = new ChosenStrategies(strategyChoices, config::strategyFor, this::tryCreateStrategy);
    this.strategies = strategies;
    this.ledger = ledger;
    this.states = states;
    this.accounting = accounting;
    this.clock = ledger.clock();
    this.budgets = new BudgetGuard(budgetLedger, events, clock);
    this.guards = java.util.Objects.requireNonNull(guards, "guards");
    CircuitKeeper circuits = new CircuitKeeper(states, clock, events, guards::circuit);
    this.services = new CompletionServices(ledger, accounting, circuits, budgets);
    this.taskTypes = List.copyOf(taskTypes);
    useKeys(config.apiKeys());
  }

  /**
   * Routes over {@code keys} from the next request on: the key catalogue changed at run time (a
   * key added, changed or retired). Each task type keeps its strategy and the strategy's state; a
   * request already routing finishes on the keys it saw.
   */
  public void useKeys(Collection<ApiKeyConfig> keys) {
    List<RoutedKey> routed = keys.stream().map(RoutedKey::of).toList();
    List<RoutedKey> backups = routed.stream().filter(k -> k.config().backup()).toList();
    for (String task : taskTypes) {
      List<RoutedKey> specialised = routed.stream().filter(k -> k.config().specialisedFor(task)).toList();
      List<RoutedKey> taskBackups = backups.stream().filter(b -> !specialised.contains(b)).toList();
      routes.compute(task, (t, old) -> old == null
          ? new TaskRoute(t, specialised, taskBackups, config.strategyFor(t), createStrategy(config.strategyFor(t)))
          : new TaskRoute(t, specialised, taskBackups, old.strategyId(), old.strategy()));
    }
  }

  @Override
  public Allocation allocate(RoutingRequest request, Set<String> excludedKeyIds) {
    TaskRoute route = route(request.taskType());
    long now = clock.millis();
    RoutingGuards g = guards;
    Refusals refusals = new Refusals();
    CandidateView view = CandidateView.read(states, route, excludedKeyIds);
    Allocation a = tryTier(route, route.specialised(), KeyTier.SPECIALISED, request, excludedKeyIds, now, g, refusals, view);
    if (a == null) {
      a = tryTier(route, route.backups(), KeyTier.BACKUP, request, excludedKeyIds, now, g, refusals, view);
    }
    if (a == null) {
      accounting.recordRejected(request.taskType());
      throw refusals.toException(request.taskType(), route);
    }
    return a;
  }

  private Allocation tryTier(
      TaskRoute route,
      List<RoutedKey> keys,
      KeyTier tier,
      RoutingRequest request,
      Set<String> excluded,
      long now,
      RoutingGuards g,
      Refusals refusals,
      CandidateView view) {
    if (keys.isEmpty()) {
      return null;
    }
    Map<String, RoutedKey> byId = new LinkedHashMap<>(keys.size() * 2);
    Map<String, Double> budgetShares = new LinkedHashMap<>(keys.size() * 2);
    for (RoutedKey key : keys) {
      if (!excluded.isEmpty() && excluded.contains(key.id())) {
        refusals.add(key.id(), Refusal.Reason.ALREADY_TRIED);
        continue;
      }
      KeyState state = view.state(key);
      if (!state.usableAt(now)) {
        refusals.unusable(key.id(), state, now);
        continue;
      }
      if (!g.circuit().admits(state.circuit(), now)) {
        refusals.circuitOpen(key.id(), state, now);
        continue;
      }
      double budget = budgets.utilisation(key.config(), g);
      if (budget >= 1.0) {
        refusals.add(key.id(), Refusal.Reason.OVER_BUDGET);
        continue;
      }
      byId.put(key.id(), key);
      budgetShares.put(key.id(), budget);
    }
    // the strategy's live view of usage, for the usable keys only, in one call (see usageAll)
    Map<String, UsageSnapshot> usage = byId.isEmpty() ? Map.of() : ledger.usageAll(byId.keySet());
    List<CandidateKey> candidates = new ArrayList<>(byId.size());
    for (RoutedKey key : byId.values()) {
      UsageSnapshot u = usage.getOrDefault(key.id(), UsageSnapshot.EMPTY);
      candidates.add(candidate(key, tier, budgetShares.get(key.id()), u));
    }
    List<CandidateKey> ordered =
        HintOrdering.apply(
            new CandidateDemotion(g.latencyDemotionFactor(), g.latencyFloorMillis(), g.budgetWarningShare())
                .apply(route.strategy().order(candidates, request)),
            request.hints());
    for (CandidateKey candidate : ordered) {
      RoutedKey key = byId.get(candidate.keyId());
      if (key == null) {
        continue; // a plugin strategy invented a key: skip it
      }
      ReserveResult result =
          ledger.reserve(
              key.id(),
              key.limitsFor(request.hints().clinicalPriority(), g.lowPriorityShare()),
              request.estimatedTokens());
      if (!result.isAdmitted()) {
        refusals.denied(key.id(), result);
        continue;
      }
      KeyState seen = view.state(key);
      CircuitKeeper.Admission admission = services.circuits().admit(key, seen, now);
      if (admission == CircuitKeeper.Admission.DENIED) {
        ledger.release(result.reservation()); // another caller holds the half-open probe
        refusals.add(key.id(), Refusal.Reason.PROBE_IN_FLIGHT);
        continue;
      }
      return new LedgerAllocation(
          key,
          request.taskType(),
          tier,
          result.reservation(),
          services,
          g,
          admission == CircuitKeeper.Admission.PROBE,
          seen);
    }
    return null;
  }

  private CandidateKey candidate(RoutedKey key, KeyTier tier, double budgetUtilisation, UsageSnapshot usage) {
    ApiKeyConfig c = key.config();
    OutcomeCounters counters = accounting.key(key.id());
    double successRate = counters.successRatio();
    return new CandidateKey(
        c.keyId(),
        tier,
        c.priority(),
        c.weight(),
        c.costPerToken(),
        c.maxRpm(),
        c.maxTpm(),
        usage.requests(),
        usage.tokens(),
        counters.latencyEwmaMillis(),
        successRate,
        100 * successRate,
        budgetUtilisation);
  }

  @Override
  public Set<String> taskTypes() {
    return Collections.unmodifiableSet(new TreeSet<>(routes.keySet()));
  }

  /** The task type's route, on the strategy chosen for it now (see {@link ChosenStrategies}). */
  private TaskRoute route(String taskType) {
    TaskRoute route = routes.get(taskType);
    if (route == null) {
      throw new UnknownTaskTypeException(taskType, routes.keySet());
    }
    TaskRoute now = chosen.follow(route);
    if (now != route) {
      routes.replace(taskType, route, now); // a concurrent switch to the same choice is as good
    }
    return now;
  }

  @Override
  public String strategyOf(String taskType) {
    return route(taskType).strategyId();
  }

  /** Records the switch in the strategy choice store, so every node sharing it follows. */
  @Override
  public void useStrategy(String taskType, String strategyId) {
    if (!routes.containsKey(taskType)) {
      throw new UnknownTaskTypeException(taskType, routes.keySet());
    }
    BalancingStrategy strategy = createStrategy(strategyId); // an unknown id is refused before it is shared
    strategyChoices.choose(taskType, strategyId);
    routes.computeIfPresent(taskType, (t, route) -> route.withStrategy(strategyId, strategy));
  }

  @Override
  public RoutingGuards guards() {
    return guards;
  }

  private BalancingStrategy createStrategy(String strategyId) {
    return tryCreateStrategy(strategyId)
        .orElseThrow(() -> new UnknownStrategyException(strategyId, strategies.ids()));
  }

  /** A new strategy of the id, empty when this node has no plugin for it. */
  private Optional<BalancingStrategy> tryCreateStrategy(String strategyId) {
    ProviderConfig settings =
        strategies.config(config.strategySettings().getOrDefault(strategyId, Map.of()));
    return strategies
        .find(strategyId)
        .map(factory -> new IsolatingStrategy(strategyId, factory.create(settings)));
  }

  /** Why keys were passed over, to explain a refusal and say when to retry. */
  private static final class Refusals {
    private final List<Refusal.Candidate> candidates = new ArrayList<>();
    private long retryAfterMillis = Long.MAX_VALUE;

    void add(String keyId, Refusal.Reason reason) {
      candidates.add(new Refusal.Candidate(keyId, reason));
    }

    void unusable(String keyId, KeyState state, long now) {
      if (!state.active()) {
        add(keyId, Refusal.Reason.INACTIVE);
      } else if (state.quarantined()) {
        add(keyId, Refusal.Reason.QUARANTINED);
      } else {
        add(keyId, Refusal.Reason.COOLING_DOWN);
        retryAfterMillis = Math.min(retryAfterMillis, state.cooldownUntilMillis() - now);
      }
    }

    void circuitOpen(String keyId, KeyState state, long now) {
      if (state.circuitStateAt(now) == CircuitState.OPEN) {
        add(keyId, Refusal.Reason.CIRCUIT_OPEN);
        retryAfterMillis = Math.min(retryAfterMillis, state.circuit().openRemainingMillis(now));
      } else {
        add(keyId, Refusal.Reason.PROBE_IN_FLIGHT);
      }
    }

    void denied(String keyId, ReserveResult result) {
      if (result.denialReason() == DenialReason.REQUEST_TOO_LARGE) {
        add(keyId, Refusal.Reason.TOO_LARGE);
      } else {
        add(keyId, Refusal.Reason.AT_LIMITS);
        retryAfterMillis = Math.min(retryAfterMillis, result.retryAfterMillis());
      }
    }

    NoAvailableKeyException toException(String taskType, TaskRoute route) {
      int serving = route.specialised().size() + route.backups().size();
      if (serving == 0) {
        return new NoAvailableKeyException(Refusal.noKeyServes(taskType));
      }
      Duration retry = retryAfterMillis == Long.MAX_VALUE ? null : Duration.ofMillis(retryAfterMillis);
      return new NoAvailableKeyException(new Refusal(taskType, serving, candidates, retry, null));
    }
  }
}
