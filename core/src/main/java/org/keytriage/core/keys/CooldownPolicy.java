package org.keytriage.core.keys;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a key cools down after a 429 that carries no {@code Retry-After}: {@code initial}
 * (default 1 s) doubling with each consecutive 429 up to {@code max} (default 60 s). The streak is
 * kept in {@link KeyState#rateLimitStreak()} and reset by a success. Pure.
 */
public record CooldownPolicy(Duration initial, Duration max) {

  /** 1 s doubling to 60 s. */
  public static final CooldownPolicy DEFAULT =
      new CooldownPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60));

  public CooldownPolicy {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "cooldown must satisfy 0 < initial <= max, was " + initial + " .. " + max);
    }
  }

  /** The cooldown for a 429 after {@code previousStreak} consecutive 429s. */
  public Duration after(int previousStreak) {
    long millis = initial.toMillis();
    long cap = max.toMillis();
    for (int i = 0; i < previousStreak && millis < cap; i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, cap));
  }
}
