package org.keytriage.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.keytriage.core.testing.MutableClock;

class RecentTrafficTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
  private final RecentTraffic traffic = new RecentTraffic(clock);

  @Test
  void countsWholeSecondsOnlyAndTheirSuccessRate() {
    for (int i = 0; i < 30; i++) {
      traffic.record(i % 10 != 0, 1_000_000L * (i + 1)); // 3 of 30 fail
    }
    // the current second is still filling: not counted yet
    assertThat(traffic.last(10).requests()).isZero();
    clock.advance(Duration.ofSeconds(1));
    RecentTraffic.Summary s = traffic.last(10);
    assertThat(s.requests()).isEqualTo(30);
    assertThat(s.requestsPerSecond()).isEqualTo(3.0);
    assertThat(s.successRate()).isEqualTo(90.0);
    assertThat(s.p50Millis()).isEqualTo(15.0);
    assertThat(s.p95Millis()).isEqualTo(29.0);
  }

  @Test
  void forgetsWhatIsOlderThanTheWindowAsked() {
    traffic.record(true, 5_000_000);
    clock.advance(Duration.ofSeconds(5));
    traffic.record(false, 7_000_000);
    clock.advance(Duration.ofSeconds(1));
    assertThat(traffic.last(3).requests()).isEqualTo(1);
    assertThat(traffic.last(3).successRate()).isZero();
    assertThat(traffic.last(10).requests()).isEqualTo(2);
    clock.advance(Duration.ofSeconds(RecentTraffic.WINDOW_SECONDS));
    RecentTraffic.Summary idle = traffic.last(30);
    assertThat(idle.requests()).isZero();
    assertThat(idle.successRate()).isEqualTo(100.0);
    assertThat(idle.p95Millis()).isZero();
  }

  @Test
  void aBucketReusedAMinuteLaterStartsFromZero() {
    traffic.record(true, 1);
    clock.advance(Duration.ofSeconds(RecentTraffic.WINDOW_SECONDS));
    traffic.record(true, 1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(traffic.last(5).requests()).isEqualTo(1);
  }

  @Test
  void refusesAWindowItDoesNotKeep() {
    assertThatThrownBy(() -> traffic.last(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> traffic.last(RecentTraffic.WINDOW_SECONDS)).isInstanceOf(IllegalArgumentException.class);
  }
}
