package org.keytriage.core.routing;

import org.keytriage.core.config.Secret;
import org.keytriage.core.ledger.Reservation;
import org.keytriage.spi.KeyTier;

/**
 * A key chosen for one request, with capacity reserved on it. Complete it exactly once: {@link
 * #succeeded}, {@link #failed}, {@link #release} or {@link #unreachable}; later calls are ignored,
 * so a {@code finally release()} after a success is safe.
 *
 * <p>Completing also feeds the key's circuit breaker: {@code succeeded} closes a half-open circuit,
 * {@code failed} and {@code unreachable} count a failure, {@code release} says nothing about the key
 * (a half-open probe released lets the next probe through). Booked cost counts against budgets.
 */
public interface Allocation {

  String keyId();

  String taskType();

  /** The key's secret, for the upstream client's {@code Authorization} header only. */
  Secret apiKey();

  /** The key's base URL (NVIDIA cloud, or a self-hosted NIM). */
  String baseUrl();

  /** Whether the key is specialised for the task type or a backup. */
  KeyTier tier();

  Reservation reservation();

  /** The call succeeded and used {@code actualTokens}; the ledger books them instead of the estimate. */
  void succeeded(long actualTokens, long latencyMillis);

  /**
   * The call reached the upstream and failed. The request still counts against the key's limits;
   * its tokens are replaced by {@code consumedTokens} (often 0).
   */
  void failed(long consumedTokens, long latencyMillis);

  /** The call never reached the upstream: the whole reservation is given back. */
  void release();

  /**
   * The key's endpoint could not be reached at all (connection refused, connect timeout): the
   * reservation is given back as by {@link #release()}, since no request reached the upstream, but
   * the key's circuit counts a failure, since the endpoint is down for every caller.
   */
  void unreachable();

  /** Whether one of the completing methods has run. */
  boolean completed();
}
