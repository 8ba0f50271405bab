package org.keytriage.core.config.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * "Did you mean" hints for misspelt field names and ids. A typo in an optional field (say {@code
 * is_bakup}) is only a warning, and a warning is easy to overlook unless it names the fix.
 */
public final class Suggestions {
  /** More edits than this and the candidate is a different word, not a typo. */
  private static final int MAX_DISTANCE = 2;

  private Suggestions() {}

  /** {@code " (did you mean 'max_rpm'?)"}, or "" when nothing is close. */
  public static String didYouMean(String input, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : sorted(candidates)) {
      int d = distance(input.toLowerCase(), candidate.toLowerCase());
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= MAX_DISTANCE && !best.equals(input)
        ? " (did you mean '" + best + "'?)"
        : "";
  }

  /** The candidates sorted and comma-separated, for "use one of: ..." fixes. */
  public static String listOf(Collection<String> candidates) {
    return candidates.isEmpty() ? "(none available)" : String.join(", ", sorted(candidates));
  }

  private static List<String> sorted(Collection<String> candidates) {
    return candidates.stream().sorted(Comparator.naturalOrder()).collect(Collectors.toList());
  }

  /** Levenshtein distance; inputs are short field names and ids. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
