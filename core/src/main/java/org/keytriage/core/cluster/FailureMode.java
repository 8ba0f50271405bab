package org.keytriage.core.cluster;

/**
 * What the cluster backends do when the grid cannot answer within {@link
 * ClusterSettings#operationTimeout()}: the partition owner is unreachable, the client is offline, or
 * the operation is stuck behind a slow one.
 *
 * <p>Either way a settle or release that cannot reach the grid is dropped with a warning, never
 * thrown: the grid keeps the reservation's estimate, which errs on the safe side, and the call it
 * belongs to has already happened. A budget booking the grid misses is counted on this node only,
 * with a warning; metrics show this node's own counters until the grid answers again.
 */
public enum FailureMode {
  /**
   * Refuse: reservations, key-state reads and changes, and budget reads throw {@link
   * LedgerUnavailableException} (the REST API answers 503). No key can exceed its limits, whatever happened to the grid. The default.
   */
  FAIL_CLOSED,
  /**
   * Decide locally: an in-process ledger admits up to a conservative share of each limit, {@code
   * 1/}{@link ClusterSettings#expectedMembers()}, so that the members together stay within the
   * limit if every one of them is cut off; key states fall back to this node's last known copy.
   * The grid is tried again after {@link ClusterSettings#degradedRecheck()}.
   *
   * <p>Known bound: the grid does not learn of the admissions made locally, so in the 62 s after it
   * comes back a key may admit up to {@code L × share} extra per member that degraded.
   */
  DEGRADE
}
