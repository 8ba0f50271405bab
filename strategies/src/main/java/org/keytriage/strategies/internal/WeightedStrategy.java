package org.keytriage.strategies.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keytriage.spi.BalancingStrategy;
import org.keytriage.spi.CandidateKey;
import org.keytriage.spi.RoutingRequest;

/**
 * Smooth weighted round robin, as in nginx: on each call every candidate's current weight grows by
 * its weight, the largest goes first and gives back the sum of the weights. Over many calls each
 * key goes first in proportion to its weight, interleaved rather than in bursts, and exactly
 * reproducibly, which a random pick would not be.
 *
 * <p>The other keys follow by descending current weight (the ones most owed a turn next), ties in
 * the given order, so overflow from a full first key is shared by weight too.
 *
 * <p>Current weights are kept per {@code keyId}, so a key that drops out of the candidates (full,
 * unhealthy, another tier) keeps its place in the cycle. The update touches all candidates at once
 * and must be atomic, so it runs in one short {@code synchronized} section per call.
 */
final class WeightedStrategy implements BalancingStrategy {
  /**
   * Forget all current weights past this many key ids, so stale ids cannot grow the map forever.
   */
  static final int MAX_REMEMBERED_KEYS = 4096;

  private final double minWeight;

  /** Current weight per key id; guarded by {@code this}. */
  private final Map<String, Current> currents = new HashMap<>();

  WeightedStrategy(double minWeight) {
    this.minWeight = minWeight;
  }

  @Override
  public List<CandidateKey> order(List<CandidateKey> candidates, RoutingRequest request) {
    CandidateKey[] keys = Candidates.copy(candidates);
    if (keys.length > 1) {
      double[] owed = new double[keys.length];
      owed[advance(keys, owed)] = Double.POSITIVE_INFINITY;
      sortByOwedDescending(keys, owed);
    }
    return Candidates.asList(keys);
  }

  /** One smooth-weighted step: fills {@code owed} and returns the index of the chosen key. */
  private synchronized int advance(CandidateKey[] keys, double[] owed) {
    if (currents.size() > MAX_REMEMBERED_KEYS) {
      currents.clear();
    }
    double total = 0;
    int chosen = -1;
    Current best = null;
    for (int i = 0; i < keys.length; i++) {
      Current current = currents.computeIfAbsent(keys[i].keyId(), id -> new Current());
      double weight = effectiveWeight(keys[i].weight());
      current.value += weight;
      total += weight;
      owed[i] = current.value;
      if (best == null || current.value > best.value) {
        best = current;
        chosen = i;
      }
    }
    best.value -= total;
    return chosen;
  }

  /** Weights of zero, below zero or not a number get the configured minimum, never starve. */
  private double effectiveWeight(double weight) {
    return weight > 0 && Double.isFinite(weight) ? weight : minWeight;
  }

  /**
   * Stable insertion sort: the lists are a tier's keys, short enough that it beats a merge sort.
   */
  private static void sortByOwedDescending(CandidateKey[] keys, double[] owed) {
    for (int i = 1; i < keys.length; i++) {
      CandidateKey key = keys[i];
      double value = owed[i];
      int j = i - 1;
      while (j >= 0 && owed[j] < value) {
        keys[j + 1] = keys[j];
        owed[j + 1] = owed[j];
        j--;
      }
      keys[j + 1] = key;
      owed[j + 1] = value;
    }
  }

  /** A mutable holder, so the hot path updates a field instead of boxing a new Double. */
  private static final class Current {
    double value;
  }
}
