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
        latestUpdateWins(base(memberMetrics())));
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
    for (MapConfig c : configs()) {
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
