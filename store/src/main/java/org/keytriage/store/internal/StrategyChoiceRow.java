package org.keytriage.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code kt_strategy_choice}: the strategy an operator chose for a task type. */
@Entity
@Table(name = "kt_strategy_choice")
public class StrategyChoiceRow {
  @Id
  @Column(name = "task_type")
  String taskType;

  String strategy;

  @Column(name = "updated_at_ms")
  long updatedAtMs;

  protected StrategyChoiceRow() {}

  StrategyChoiceRow(String taskType) {
    this.taskType = taskType;
  }
}
