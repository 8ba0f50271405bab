package org.keytriage.core.cluster.internal;

import org.keytriage.core.accounting.CounterExchange;
import org.keytriage.core.accounting.SpendStore;
import org.keytriage.core.cluster.GridOperations;
import org.keytriage.core.keys.KeyStateStore;
import org.keytriage.core.ledger.UsageLedger;
import org.keytriage.core.keys.KeyCatalogStore;
import org.keytriage.core.routing.StrategyChoiceStore;

/**
 * What a cluster mode provides to an engine, plus how to let go of it.
 *
 * @param ledger the usage ledger
 * @param keyStates the key-state store
 * @param spend the budget spend store
 * @param counters how metrics see the other nodes
 * @param strategyChoices which strategy each task type was switched to at run time
 * @param keyCatalog keys added, changed or retired at run time
 * @param grid the Hazelcast instance ({@code com.hazelcast.core.HazelcastInstance}) or {@code null}
 *     in process; typed {@code Object} so callers without the Hazelcast jar never load its types
 * @param operations the count of grid operations these backends sent ({@link GridOperations#NONE}
 *     in process)
 * @param shutdown what closing does: stop background work, shut down an instance KeyTriage started
 */
public record Backends(
    UsageLedger ledger,
    KeyStateStore keyStates,
    SpendStore spend,
    CounterExchange counters,
    StrategyChoiceStore strategyChoices,
    KeyCatalogStore keyCatalog,
    Object grid,
    GridOperations operations,
    Runnable shutdown) {

  /** One JVM, no grid. */
  public static Backends inProcess(java.time.Clock clock) {
    return new Backends(
        org.keytriage.core.ledger.UsageLedgers.inProcess(clock),
        KeyStateStore.inProcess(),
        SpendStore.inProcess(),
        CounterExchange.none(),
        StrategyChoiceStore.inProcess(),
        KeyCatalogStore.inProcess(),
        null,
        GridOperations.NONE,
        () -> {});
  }
}
