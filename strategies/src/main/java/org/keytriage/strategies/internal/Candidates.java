package org.keytriage.strategies.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.keytriage.spi.CandidateKey;

/** Array helpers shared by the strategies: copy the input once, reorder the copy in place. */
final class Candidates {
  private static final CandidateKey[] NONE = new CandidateKey[0];

  private Candidates() {}

  /** A fresh array the strategy may reorder; the caller's list is never touched. */
  static CandidateKey[] copy(List<CandidateKey> candidates) {
    return candidates.toArray(NONE);
  }

  /** Wraps a strategy's own array as the result list without copying it again. */
  static List<CandidateKey> asList(CandidateKey[] keys) {
    return keys.length == 0 ? List.of() : Arrays.asList(keys);
  }

  /** A stably sorted copy: ties keep the given order. */
  static List<CandidateKey> sorted(List<CandidateKey> candidates, Comparator<CandidateKey> order) {
    CandidateKey[] keys = copy(candidates);
    if (keys.length > 1) {
      Arrays.sort(keys, order);
    }
    return asList(keys);
  }

  /**
   * Rotates {@code keys[from, to)} left by {@code distance} so that {@code keys[from + distance]}
   * comes first and the rest follow cyclically. Three reversals: in place, no allocation.
   */
  static void rotateLeft(Object[] keys, int from, int to, int distance) {
    if (distance <= 0 || distance >= to - from) {
      return;
    }
    reverse(keys, from, from + distance);
    reverse(keys, from + distance, to);
    reverse(keys, from, to);
  }

  /** Moves {@code keys[index]} to the front, shifting the ones before it back by one. */
  static void moveToFront(Object[] keys, int index) {
    rotateLeft(keys, 0, index + 1, index);
  }

  private static void reverse(Object[] keys, int from, int to) {
    for (int i = from, j = to - 1; i < j; i++, j--) {
      Object tmp = keys[i];
      keys[i] = keys[j];
      keys[j] = tmp;
    }
  }
}
