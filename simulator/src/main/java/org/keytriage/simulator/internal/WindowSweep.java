package org.keytriage.simulator.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Exact maximum of a weighted count over every half-open window {@code [t, t + w)}.
 *
 * <p>Why starting windows at event times is enough: slide any window right until its start meets
 * its first event; it loses nothing and may gain. So a two-pointer sweep over the events sorted by
 * time, with the right pointer adding and the left pointer dropping events at or before {@code
 * right - w}, visits every candidate in O(n log n).
 */
public final class WindowSweep {
  private WindowSweep() {}

  /**
   * @param times event timestamps in milliseconds, in any order
   * @param weights the weight of each event (1 to count requests, tokens to sum tokens)
   * @param windowMillis the window length, at least 1
   * @return the largest total weight inside any window; 0 when there are no events
   */
  public static long maxSumInWindow(long[] times, long[] weights, long windowMillis) {
    if (times.length != weights.length) {
      throw new IllegalArgumentException("times and weights differ in length");
    }
    if (windowMillis < 1) {
      throw new IllegalArgumentException("window must be at least 1 ms");
    }
    Integer[] order = IntStream.range(0, times.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingLong(i -> times[i]));

    long best = 0;
    long inWindow = 0;
    int left = 0;
    for (int right = 0; right < order.length; right++) {
      long rightTime = times[order[right]];
      inWindow += weights[order[right]];
      // An event at exactly rightTime - window is one window earlier: [t, t + w) excludes t + w.
      while (times[order[left]] <= rightTime - windowMillis) {
        inWindow -= weights[order[left]];
        left++;
      }
      best = Math.max(best, inWindow);
    }
    return best;
  }
}
