package org.keytriage.core.routing.internal;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.keytriage.spi.BalancingStrategy;
import org.keytriage.spi.CandidateKey;
import org.keytriage.spi.RoutingRequest;

/**
 * Keeps a misbehaving strategy from breaking routing: if it throws or returns something that is not
 * an ordering of the candidates (wrong size, nulls), the candidates are used in the given order and
 * the problem is logged once per strategy.
 */
final class IsolatingStrategy implements BalancingStrategy {
  private static final System.Logger LOG = System.getLogger(IsolatingStrategy.class.getName());

  private final String id;
  private final BalancingStrategy delegate;
  private final AtomicBoolean reported = new AtomicBoolean();

  IsolatingStrategy(String id, BalancingStrategy delegate) {
    this.id = id;
    this.delegate = delegate;
  }

  @Override
  public List<CandidateKey> order(List<CandidateKey> candidates, RoutingRequest request) {
    if (candidates.size() < 2) {
      return candidates;
    }
    try {
      List<CandidateKey> ordered = delegate.order(candidates, request);
      if (ordered == null || ordered.size() != candidates.size() || ordered.contains(null)) {
        report("returned " + (ordered == null ? "null" : ordered.size() + " keys for " + candidates.size()));
        return candidates;
      }
      return ordered;
    } catch (RuntimeException e) {
      report("threw " + e.getClass().getName() + ": " + e.getMessage());
      return candidates;
    }
  }

  private void report(String what) {
    if (reported.compareAndSet(false, true)) {
      LOG.log(
          Level.WARNING,
          "Strategy {0} {1}; using the candidates in configured order instead (reported once)",
          id,
          what);
    }
  }
}
