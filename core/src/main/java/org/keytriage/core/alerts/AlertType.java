package org.keytriage.core.alerts;

/** What an {@link Alert} is about. */
public enum AlertType {
  /** The upstream answered 429: the key cools down. */
  RATE_LIMITED,
  /** Enough failures in a short time: the key's circuit opened and it is skipped for a while. */
  CIRCUIT_OPENED,
  /** The upstream rejected the key's credentials (401/403): the key is out until restored. */
  KEY_QUARANTINED,
  /** A budget crossed its warning share (default 80 %): the key is demoted behind others. */
  BUDGET_WARNING,
  /** A budget is fully spent: the key (or, for a global budget, every key) is excluded. */
  BUDGET_EXHAUSTED,
  /** Request log rows were dropped: the store was down or too slow for longer than the queue holds. */
  REQUEST_LOG_DROPPED
}
