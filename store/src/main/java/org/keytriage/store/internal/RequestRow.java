package org.keytriage.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.keytriage.core.events.Origin;
import org.keytriage.core.requests.RequestRecord;

/** A row of {@code kt_request_log}, for queries (rows are written by JDBC batches). */
@Entity
@Table(name = "kt_request_log")
public class RequestRow {
  @Id
  @Column(name = "request_id")
  String requestId;

  @Column(name = "ended_at_ms")
  long endedAtMs;

  String integrator;
  String origin;

  @Column(name = "task_type")
  String taskType;

  @Column(name = "key_id")
  String keyId;

  int attempts;

  @Column(name = "prompt_tokens")
  long promptTokens;

  @Column(name = "completion_tokens")
  long completionTokens;

  double cost;

  @Column(name = "latency_ms")
  long latencyMs;

  String outcome;

  protected RequestRow() {}

  RequestRecord toRecord() {
    return new RequestRecord(requestId, Instant.ofEpochMilli(endedAtMs), integrator, Origin.valueOf(origin), taskType,
        keyId, attempts, promptTokens, completionTokens, cost, latencyMs, outcome);
  }
}
