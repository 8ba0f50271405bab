package org.keytriage.simulator.internal;

import java.nio.charset.StandardCharsets;

/**
 * Stateless, repeatable random draws: each draw is a hash of (seed, key label, request ordinal,
 * purpose). Unlike a shared {@link java.util.Random}, the outcome for a key's n-th request does not
 * depend on how threads interleave or on other keys' traffic, so a seeded scenario fails the same
 * requests on every run.
 */
public final class DeterministicDice {
  /** Purposes, so that the jitter and the error draw of one request are independent. */
  public static final int JITTER = 1;

  public static final int ERROR = 2;
  public static final int ERROR_STATUS = 3;

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private DeterministicDice() {}

  /** A number uniform in [0, 1). */
  public static double unit(long seed, String label, long ordinal, int purpose) {
    long h = mix(seed + GOLDEN_GAMMA);
    h = mix(h ^ fnv1a(label));
    h = mix(h ^ (ordinal * GOLDEN_GAMMA));
    h = mix(h ^ purpose);
    return (h >>> 11) * 0x1.0p-53;
  }

  /** A whole number uniform in [0, bound). */
  public static long below(long bound, long seed, String label, long ordinal, int purpose) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive");
    }
    return Math.min(bound - 1, (long) (unit(seed, label, ordinal, purpose) * bound));
  }

  /** SplitMix64's finaliser: a fast 64-bit mixer with good avalanche. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** FNV-1a over UTF-8: a stable string hash, unlike {@link String#hashCode()} it is 64 bits. */
  public static long fnv1a(String text) {
    long h = 0xCBF29CE484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xFF;
      h *= 0x100000001B3L;
    }
    return h;
  }
}
