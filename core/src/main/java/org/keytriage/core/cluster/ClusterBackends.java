package org.keytriage.core.cluster;

import com.hazelcast.core.HazelcastInstance;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.accounting.CounterExchange;
import org.keytriage.core.accounting.SpendStore;
import org.keytriage.core.cluster.internal.Backends;
import org.keytriage.core.cluster.internal.GridBackends;
import org.keytriage.core.keys.KeyStateStore;
import org.keytriage.core.ledger.UsageLedger;
import org.keytriage.core.keys.KeyCatalogStore;
import org.keytriage.core.routing.StrategyChoiceStore;

/**
 * The backends a KeyTriage engine shares with the other nodes of its cluster, chosen by {@link
 * ClusterSettings}: the usage ledger (limits), the key-state store (cooldowns, circuits,
 * quarantine), the budget spend store, the exchange of call counters for cluster-wide metrics and
 * the strategy each task type was switched to.
 *
 * <pre>{@code
 * try (ClusterBackends cluster = ClusterBackends.start(ClusterSettings.fromProperties(props), clock);
 *     KeyTriage kt = cluster.configure(KeyTriage.builder(config)).build()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>On Payara the WAR looks the server's grid up itself and calls {@link #on(HazelcastInstance,
 * ClusterSettings, Clock)}. Every class shipped to a member is a record or a plain serializable
 * class (no lambdas), so the same WAR deployed on every member is all the grid needs.
 *
 * <p>Close the engine first, then this: closing shuts down an instance KeyTriage started (embedded
 * member, client), never one it was given or found in JNDI. In {@link ClusterMode#IN_PROCESS} no
 * Hazelcast class is touched, so the Hazelcast jar may be absent.
 */
public final class ClusterBackends implements AutoCloseable {
  private final ClusterSettings settings;
  private final Backends backends;

  private ClusterBackends(ClusterSettings settings, Backends backends) {
    this.settings = settings;
    this.backends = backends;
  }

  /**
   * Creates the backends the settings ask for: in process (default), an embedded member, a client,
   * or the server's grid from JNDI.
   *
   * @throws IllegalStateException when the grid cannot be reached or found, saying what to check
   */
  public static ClusterBackends start(ClusterSettings settings, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    if (settings.mode() == ClusterMode.IN_PROCESS) {
      return new ClusterBackends(settings, Backends.inProcess(clock));
    }
    return new ClusterBackends(settings, GridBackends.start(settings, clock));
  }

  /**
   * The backends on an instance the host owns, e.g. Payara's data grid from JNDI {@code
   * payara/Hazelcast}. The settings' mode is ignored; closing leaves the instance running.
   */
  public static ClusterBackends on(HazelcastInstance instance, ClusterSettings settings, Clock clock) {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    return new ClusterBackends(settings, GridBackends.provided(instance, settings, clock));
  }

  /** The usage ledger: cluster-wide limits. */
  public UsageLedger ledger() {
    return backends.ledger();
  }

  /** The key-state store: cluster-wide cooldowns, circuits and quarantine. */
  public KeyStateStore keyStates() {
    return backends.keyStates();
  }

  /** The budget spend store: daily and monthly budgets for all nodes together. */
  public SpendStore spendStore() {
    return backends.spend();
  }

  /** How metrics, health and advice see every node's call counters. */
  public CounterExchange counterExchange() {
    return backends.counters();
  }

  /** Which strategy each task type was switched to: a switch on one node holds on all of them. */
  public StrategyChoiceStore strategyChoices() {
    return backends.strategyChoices();
  }

  /** Keys added, changed or retired at run time: a change on one node holds on all of them. */
  public KeyCatalogStore keyCatalog() {
    return backends.keyCatalog();
  }

  /** How many grid operations these backends have sent, synchronous and not; zeros in process. */
  public GridOperations gridOperations() {
    return backends.operations();
  }

  /**
   * Gives the engine builder these backends: ledger, key states, spend, counter exchange and
   * strategy choices, key catalogue.
   */
  public KeyTriage.Builder configure(KeyTriage.Builder builder) {
    return builder
        .ledger(ledger())
        .keyStates(keyStates())
        .spendStore(spendStore())
        .counterExchange(counterExchange())
        .strategyChoices(strategyChoices())
        .keyCatalog(keyCatalog());
  }

  public ClusterSettings settings() {
    return settings;
  }

  /** The Hazelcast instance behind the backends; empty in process. */
  public Optional<HazelcastInstance> instance() {
    return Optional.ofNullable((HazelcastInstance) backends.grid());
  }

  @Override
  public void close() {
    backends.shutdown().run();
  }
}
