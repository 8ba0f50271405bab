package org.keytriage.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RollingWindowLimiterTest {
  private final RollingWindowLimiter limiter = new RollingWindowLimiter();

  @Test
  void unlimitedAdmitsEverything() {
    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.tryAcquire(0, 1_000_000, 0, 0).admitted()).isTrue();
    }
  }

  @Test
  void grantLeavesTheWindowExactlySixtySecondsLater() {
    assertThat(limiter.tryAcquire(1_000, 1, 1, 0).admitted()).isTrue();

    RollingWindowLimiter.Decision refused = limiter.tryAcquire(60_999, 1, 1, 0);
    assertThat(refused.admitted()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    assertThat(limiter.tryAcquire(61_000, 1, 1, 0).admitted()).isTrue();
  }

  @Test
  void retryAfterRoundsUpToWholeSeconds() {
    limiter.tryAcquire(0, 1, 1, 0);

    assertThat(limiter.tryAcquire(500, 1, 1, 0).retryAfterSeconds()).isEqualTo(60);
    assertThat(limiter.tryAcquire(1_500, 1, 1, 0).retryAfterSeconds()).isEqualTo(59);
  }

  @Test
  void tokenWaitIsUntilEnoughOldGrantsLeave() {
    limiter.tryAcquire(0, 40, 0, 100);
    limiter.tryAcquire(10_000, 40, 0, 100);
    limiter.tryAcquire(20_000, 20, 0, 100);

    // 100 used; 50 more need the first two grants (80 tokens) gone: at 70 s.
    RollingWindowLimiter.Decision refused = limiter.tryAcquire(30_000, 50, 0, 100);
    assertThat(refused.admitted()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(40);
    assertThat(refused.reason()).contains("tokens per minute");
    assertThat(limiter.tryAcquire(69_999, 50, 0, 100).admitted()).isFalse();
    assertThat(limiter.tryAcquire(70_000, 50, 0, 100).admitted()).isTrue();
  }

  @Test
  void whenBothLimitsBindTheLongerWaitWins() {
    limiter.tryAcquire(0, 90, 2, 100);
    limiter.tryAcquire(30_000, 10, 2, 100);

    RollingWindowLimiter.Decision refused = limiter.tryAcquire(40_000, 20, 2, 100);
    // rpm frees at 60 s (20 s away); tokens also free at 60 s: the first grant holds 90.
    assertThat(refused.retryAfterSeconds()).isEqualTo(20);
    assertThat(refused.reason()).contains("requests per minute").contains("tokens per minute");
  }

  @Test
  void clearForgetsTheWindow() {
    limiter.tryAcquire(0, 1, 1, 0);
    limiter.clear();

    assertThat(limiter.tryAcquire(0, 1, 1, 0).admitted()).isTrue();
  }
}
