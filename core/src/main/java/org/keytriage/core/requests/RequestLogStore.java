package org.keytriage.core.requests;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.keytriage.core.accounting.BudgetSpend;

/**
 * Where the request log and its hourly spend roll-ups live. {@link #append} writes a batch of rows
 * and adds them to the roll-ups in one transaction, so the spend history always agrees with the
 * log. In process by default ({@link #inProcess()}, lost with the JVM); durable in the store
 * module.
 */
public interface RequestLogStore extends AutoCloseable {

  /**
   * Writes the rows and their spend, all or none. Idempotent: a row whose request id is stored
   * already is skipped with its spend, so a batch retried after a lost answer counts once.
   *
   * @throws RuntimeException when the store cannot take them now (the writer keeps them and retries)
   */
  void append(List<RequestRecord> rows);

  /** The rows that match, newest first. */
  RequestPage find(RequestQuery query);

  /** Spend per group and bucket, oldest bucket first, then by group. */
  List<SpendRow> spend(SpendQuery query);

  /**
   * Each key's spend in the UTC day and month that start at these instants, for budgets restored
   * at start. The map has one entry per key with spend in the month.
   */
  Map<String, BudgetSpend> spendByKey(Instant dayStart, Instant monthStart);

  /** Deletes rows (not roll-ups) that ended before {@code before}; returns how many. */
  int purgeBefore(Instant before);

  @Override
  default void close() {}

  /** The store of one JVM. */
  static RequestLogStore inProcess() {
    return new org.keytriage.core.requests.internal.InProcessRequestLogStore();
  }
}
