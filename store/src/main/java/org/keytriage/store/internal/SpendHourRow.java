package org.keytriage.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A row of {@code kt_spend_hour}: one cell of the spend roll-up, for queries (cells are written by JDBC batches). */
@Entity
@Table(name = "kt_spend_hour")
@IdClass(SpendHourRow.Id.class)
public class SpendHourRow {
  @jakarta.persistence.Id
  @Column(name = "hour_start_ms")
  long hourStartMs;

  @jakarta.persistence.Id
  @Column(name = "key_id")
  String keyId;

  @jakarta.persistence.Id
  @Column(name = "task_type")
  String taskType;

  @jakarta.persistence.Id
  String integrator;

  long requests;

  @Column(name = "prompt_tokens")
  long promptTokens;

  @Column(name = "completion_tokens")
  long completionTokens;

  double cost;

  protected SpendHourRow() {}

  /** The composite key. */
  public static final class Id implements Serializable {
    private static final long serialVersionUID = 1L;
    long hourStartMs;
    String keyId;
    String taskType;
    String integrator;

    public Id() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Id other && hourStartMs == other.hourStartMs && Objects.equals(keyId, other.keyId)
          && Objects.equals(taskType, other.taskType) && Objects.equals(integrator, other.integrator);
    }

    @Override
    public int hashCode() {
      return Objects.hash(hourStartMs, keyId, taskType, integrator);
    }
  }
}
