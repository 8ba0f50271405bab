package org.keytriage.strategies.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keytriage.spi.CandidateKey;
import org.keytriage.spi.RoutingRequest;
import org.keytriage.spi.TaskTypes;

/** Short-hands for the behaviour tests. */
final class TestKeys {
  static final RoutingRequest REQUEST = RoutingRequest.of(TaskTypes.MEDICAL_TEXT_ANALYSIS, 100);

  private TestKeys() {}

  static CandidateKey.Builder key(String id) {
    return CandidateKey.builder(id);
  }

  static List<String> ids(List<CandidateKey> keys) {
    List<String> ids = new ArrayList<>(keys.size());
    keys.forEach(k -> ids.add(k.keyId()));
    return ids;
  }

  /** How often each key id came first over {@code calls} calls. */
  static Map<String, Integer> firstPlaces(
      org.keytriage.spi.BalancingStrategy strategy, List<CandidateKey> keys, int calls) {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < calls; i++) {
      counts.merge(strategy.order(keys, REQUEST).get(0).keyId(), 1, Integer::sum);
    }
    return counts;
  }
}
