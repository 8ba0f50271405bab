package org.keytriage.strategies.internal;

import java.util.Comparator;
import java.util.List;
import org.keytriage.spi.BalancingStrategy;
import org.keytriage.spi.CandidateKey;
import org.keytriage.spi.RoutingRequest;

/**
 * Most headroom first. {@link CandidateKey#utilisation()} is the fuller of RPM and TPM, so a key
 * with few requests but many tokens in flight does not look idle.
 */
final class LeastLoadedStrategy implements BalancingStrategy {
  static final Comparator<CandidateKey> BY_UTILISATION =
      Comparator.comparingDouble(CandidateKey::utilisation);

  @Override
  public List<CandidateKey> order(List<CandidateKey> candidates, RoutingRequest request) {
    return Candidates.sorted(candidates, BY_UTILISATION);
  }
}
