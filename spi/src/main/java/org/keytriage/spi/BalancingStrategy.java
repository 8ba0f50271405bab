package org.keytriage.spi;

import java.util.List;

/**
 * Orders the candidate keys for one request; the router then reserves capacity on the first key in
 * that order that has room, so the order is a preference, not a promise.
 *
 * <p>Contract (checked by the strategy contract suite for every implementation):
 *
 * <ul>
 *   <li>the result is a permutation of {@code candidates}: same keys, each once, none added;
 *   <li>the result is a new list the caller owns; {@code candidates} is not modified (it may be
 *       immutable);
 *   <li>an empty list gives an empty list;
 *   <li>safe to call from many threads at once; it must not block or do I/O;
 *   <li>a strategy that throws is isolated: the router logs it and falls back to the given order.
 * </ul>
 *
 * <p>The router calls a strategy once per tier: for the task type's specialised keys on every
 * request, and for the backup keys only when no specialised key admitted the request. All
 * candidates of one call share one {@link CandidateKey#tier()}, so a strategy can keep per-tier
 * state (a round-robin cursor) keyed by it. One strategy instance is created per task type, and a
 * new one whenever the task type's strategy is changed.
 */
public interface BalancingStrategy {

  /**
   * Orders the candidates, most preferred first.
   *
   * @param candidates live views of the keys that may serve the request; never null
   * @param request the task type and routing hints
   * @return the candidates in preference order
   */
  List<CandidateKey> order(List<CandidateKey> candidates, RoutingRequest request);
}
