package org.keytriage.store.internal;

import java.time.Clock;
import java.util.Optional;
import org.keytriage.core.routing.StrategyChoiceStore;

/**
 * Strategy choices kept in the database in front of the ones every node shares (the grid's, or
 * this JVM's): a choice is written here first, then shared; at start the database's choices go
 * into the shared store where it has none, so a restart of every node keeps them.
 */
public final class StoredStrategyChoices implements StrategyChoiceStore {
  private final Jpa jpa;
  private final StrategyChoiceStore shared;
  private final Clock clock;

  public StoredStrategyChoices(Jpa jpa, StrategyChoiceStore shared, Clock clock) {
    this.jpa = jpa;
    this.shared = shared;
    this.clock = clock;
    jpa.read(em -> em.createQuery("SELECT c FROM StrategyChoiceRow c", StrategyChoiceRow.class).getResultList())
        .forEach(row -> {
          if (shared.chosen(row.taskType).isEmpty()) {
            shared.choose(row.taskType, row.strategy);
          }
        });
  }

  @Override
  public Optional<String> chosen(String taskType) {
    return shared.chosen(taskType);
  }

  @Override
  public void choose(String taskType, String strategyId) {
    jpa.run(em -> {
      StrategyChoiceRow row = em.find(StrategyChoiceRow.class, taskType);
      if (row == null) {
        row = new StrategyChoiceRow(taskType);
        em.persist(row);
      }
      row.strategy = strategyId;
      row.updatedAtMs = clock.millis();
    });
    shared.choose(taskType, strategyId);
  }
}
