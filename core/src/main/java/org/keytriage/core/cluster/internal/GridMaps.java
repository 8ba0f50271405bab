package org.keytriage.core.cluster.internal;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.spi.merge.LatestUpdateMergePolicy;
import java.lang.System.Logger.Level;
import java.util.List;
import org.keytriage.core.cluster.MaxUsageMergePolicy;

/**
 * The grid maps KeyTriage uses and their configuration: one synchronous backup each (a member's
 * death loses nothing), no asynchronous ones, no near cache (a local copy could miss a cooldown or
 * usage), values kept as objects (the ledger's entry processor then works on the stored window
 * instead of deserializing it for every decision).
 *
 * @param prefix the names' common prefix
 */
public record GridMaps(String prefix) {
  private static final System.Logger LOG = System.getLogger(GridMaps.class.getName());

  /** Synchronous backups of every map: one, so one member can die without losing a counter. */
  public static final int BACKUP_COUNT = 1;

  public String usage() {
    return prefix + "usage";
  }

  public String keyStates() {
    return prefix + "key-states";
  }

  public String budgetSpend() {
    return prefix + "budget-spend";
  }

  public String memberMetrics() {
    return prefix + "member-metrics";
  }

  public String keyCatalog() {
    return prefix + "key-catalog";
  }

  public String strategyChoices() {
    return prefix + "strategy-choices";
  }

  /** The configuration of every map. */
  public List<MapConfig> configs() {
    return List.of(
        base(usage())
            // never lower recorded usage when a split brain heals
            .setMergePolicyConfig(
                new MergePolicyConfig(MaxUsageMergePolicy.class.getName(), MergePolicyConfig.DEFAULT_BATCH_SIZE)),
        // the most recent cooldown, circuit or quarantine wins after a split brain
        latestUpdateWins(base(keyStates())),
        latestUpdateWins(base(budgetSpend())),
        // task type -> strategy id, plain strings: the operator's latest switch wins
        latestUpdateWins(base(strategyChoices())),
        // key id -> the key's JSON, plain strings: the operator's latest change wins
        latestUpdateWins(base(keyCatalog())),
        // values are byte arrays KeyTriage encodes itself (see HazelcastCounterExchange)
        latestUpdateWins(base(memberMetrics()).setInMemoryFormat(InMemoryFormat.BINARY)));
  }

  /**
   * Whether the grid can load {@link MaxUsageMergePolicy} by its name wherever it needs it. Hazelcast
   * resolves a merge policy with the member's configuration class loader, and only falls back to
   * the calling thread's context loader. Payara's grid has its common class loader there, which
   * does not see a WAR's classes: the name then resolves on an application thread only (the one
   * deploying the WAR), and fails on Hazelcast's own threads (another member creating the map, a
   * split-brain merge) and on Payara's (a health probe during deployment). So the usage map gets a
   * built-in policy in that case, with a warning; true when the configuration names no class
   * loader (Hazelcast then uses its own or the thread's), or for a client, whose members are
   * documented to need keytriage-core on their class path.
   */
  boolean mergePolicyLoadable(HazelcastInstance instance) {
    ClassLoader configLoader;
    try {
      configLoader = instance.getConfig().getClassLoader();
    } catch (RuntimeException e) {
      return true; // a client's view of the cluster configuration has no class loader
    }
    if (canLoadMergePolicy(configLoader)) {
      return true;
    }
    LOG.log(
        Level.WARNING,
        "Hazelcast map '" + usage() + "': the grid's class loader (" + configLoader + ") cannot load "
              + MaxUsageMergePolicy.class.getName() + " (it is in the application, e.g. the WAR on"
              + " Payara), so after a split brain the usage windows merge by "
              + LatestUpdateMergePolicy.class.getSimpleName() + " (the latest window wins) instead of"
              + " taking the maximum. Limits within one cluster are not affected. To keep the maximum,"
              + " put keytriage-core on the server's class path and name the policy in the grid's map"
              + " configuration.");
    return false;
  }

  /** Whether {@code loader} (null: Hazelcast's own or the thread's) can load {@link MaxUsageMergePolicy}. */
  static boolean canLoadMergePolicy(ClassLoader loader) {
    if (loader == null) {
      return true;
    }
    try {
      Class.forName(MaxUsageMergePolicy.class.getName(), false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Needs per-entry statistics (the last update time); these maps change rarely, so they are cheap. */
  private static MapConfig latestUpdateWins(MapConfig c) {
    return c.setPerEntryStatsEnabled(true)
        .setMergePolicyConfig(
            new MergePolicyConfig(LatestUpdateMergePolicy.class.getName(), MergePolicyConfig.DEFAULT_BATCH_SIZE));
  }

  private static MapConfig base(String name) {
    return new MapConfig(name)
        .setBackupCount(BACKUP_COUNT)
        .setAsyncBackupCount(0)
        .setReadBackupData(false)
        .setInMemoryFormat(InMemoryFormat.OBJECT);
  }

  /** Adds the configurations to a member configuration KeyTriage builds. */
  public void addTo(Config config) {
    configs().forEach(config::addMapConfig);
  }

  /**
   * Adds the configurations to a running grid KeyTriage did not start (dynamic configuration). A
   * map the grid already configures differently keeps that configuration, with a warning that says
   * what it needs.
   */
  public void addTo(HazelcastInstance instance) {
    boolean maxMerge = mergePolicyLoadable(instance);
    for (MapConfig c : configs()) {
      if (!maxMerge && c.getName().equals(usage())) {
        latestUpdateWins(c);
      }
      try {
        instance.getConfig().addMapConfig(c);
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Hazelcast map '" + c.getName() + "' keeps the grid's own configuration (" + e.getMessage()
                + "). KeyTriage needs backup-count " + BACKUP_COUNT + ", no near cache"
                + (c.getName().equals(usage()) ? ", merge policy " + MaxUsageMergePolicy.class.getName() : "")
                + ".");
      }
    }
  }
}
