package org.keytriage.web.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T10:00:00Z"));
  private final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now.get(); }
  };
  private final LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofMinutes(15));

  private void advance(Duration d) {
    now.set(now.get().plus(d));
  }

  @Test
  void fiveFailuresForANameFromOneAddressLockThatPairUntilTheyAgeOut() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("alice", "10.0.0.1");
      advance(Duration.ofMinutes(1));
    }
    assertThat(throttle.isLocked("alice", "10.0.0.1")).isFalse();
    throttle.failed("alice", "10.0.0.1");
    assertThat(throttle.isLocked("alice", "10.0.0.1")).isTrue();
    // a guesser at one address does not lock the operator out elsewhere, nor others out here
    assertThat(throttle.isLocked("alice", "10.0.0.2")).isFalse();
    assertThat(throttle.isLocked("bob", "10.0.0.1")).isFalse();
    // the first failure was 4 minutes ago: 11 more minutes until it leaves the window
    assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEqualTo(Duration.ofMinutes(11));
    advance(Duration.ofMinutes(11));
    assertThat(throttle.isLocked("alice", "10.0.0.1")).isFalse();
  }

  @Test
  void guessesAtOneNameSpreadOverManyAddressesLockItAtTenTimesTheLimit() {
    for (int i = 0; i < 49; i++) {
      throttle.failed("erin", "198.18.0." + i);
    }
    assertThat(throttle.isLocked("erin", "198.18.1.1")).isFalse();
    throttle.failed("erin", "198.18.0.49");
    assertThat(throttle.isLocked("erin", "198.18.1.1")).isTrue();
  }

  @Test
  void anAddressIsLockedAfterFourTimesAsManyFailuresWhateverTheNames() {
    for (int i = 0; i < 19; i++) {
      throttle.failed("guess" + i, "203.0.113.7");
    }
    assertThat(throttle.isLocked("carol", "203.0.113.7")).isFalse();
    throttle.failed("guess19", "203.0.113.7");
    assertThat(throttle.isLocked("carol", "203.0.113.7")).isTrue();
    assertThat(throttle.isLocked("carol", "198.51.100.1")).isFalse();
  }

  @Test
  void aSuccessClearsItsNameAndAddressButNotTheAddressAsAWhole() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("dave", "192.0.2.1");
    }
    throttle.succeeded("dave", "192.0.2.1");
    throttle.failed("dave", "192.0.2.1");
    assertThat(throttle.isLocked("dave", "192.0.2.1")).isFalse();
    assertThat(throttle.retryAfter("dave", "192.0.2.1")).isZero();
    for (int i = 0; i < 15; i++) {
      throttle.failed("guess" + i, "192.0.2.1");
    }
    assertThat(throttle.isLocked("dave", "192.0.2.1")).isTrue(); // 20 from the address
  }
}
