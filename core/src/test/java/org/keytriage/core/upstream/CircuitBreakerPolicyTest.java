package org.keytriage.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.keytriage.core.keys.Circuit;
import org.keytriage.core.keys.CircuitBreakerPolicy;
import org.keytriage.core.keys.CircuitState;
import org.junit.jupiter.api.Test;

/** The circuit's transitions, with explicit timestamps (ms): no clock, no store. */
class CircuitBreakerPolicyTest {
  private final CircuitBreakerPolicy policy = CircuitBreakerPolicy.DEFAULT;

  private Circuit failAt(Circuit c, long... times) {
    for (long t : times) {
      c = policy.onFailure(c, t);
    }
    return c;
  }

  @Test
  void defaultsAreFiveFailuresInThirtySecondsOpenForThirty() {
    assertThat(policy.failureThreshold()).isEqualTo(5);
    assertThat(policy.failureWindow()).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.openDuration()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void fourFailuresKeepItClosedTheFifthWithinThirtySecondsOpensIt() {
    Circuit c = failAt(Circuit.CLOSED, 1_000, 2_000, 3_000, 4_000);
    assertThat(c.stateAt(4_000)).isEqualTo(CircuitState.CLOSED);
    assertThat(policy.admits(c, 4_000)).isTrue();

    c = policy.onFailure(c, 29_000);
    assertThat(c.stateAt(29_000)).isEqualTo(CircuitState.OPEN);
    assertThat(c.openUntilMillis()).isEqualTo(59_000);
    assertThat(policy.admits(c, 58_999)).isFalse();
  }

  @Test
  void failuresOlderThanTheWindowDoNotCount() {
    // 1 s, 2 s, 3 s, 4 s, then 33.5 s: the first three are 30 s old or more by then
    Circuit c = failAt(Circuit.CLOSED, 1_000, 2_000, 3_000, 4_000, 33_500);
    assertThat(c.stateAt(33_500)).isEqualTo(CircuitState.CLOSED);
    assertThat(c.recentFailureMillis()).containsExactly(4_000L, 33_500L);
    // the window slides: (3.8 s, 33.8 s] holds five failures
    c = failAt(c, 33_600, 33_700);
    assertThat(c.stateAt(33_700)).isEqualTo(CircuitState.CLOSED);
    c = policy.onFailure(c, 33_800);
    assertThat(c.stateAt(33_800)).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void successWhileClosedDoesNotForgiveRecentFailures() {
    Circuit c = failAt(Circuit.CLOSED, 1_000, 2_000, 3_000, 4_000);
    c = policy.onSuccess(c, 4_500);
    c = policy.onFailure(c, 5_000);
    assertThat(c.stateAt(5_000)).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void afterTheOpenPeriodExactlyOneProbeIsLetThrough() {
    Circuit open = failAt(Circuit.CLOSED, 0, 1, 2, 3, 4); // opens at 4 until 30_004
    assertThat(open.stateAt(30_003)).isEqualTo(CircuitState.OPEN);
    assertThat(open.stateAt(30_004)).isEqualTo(CircuitState.HALF_OPEN);
    assertThat(policy.admits(open, 30_004)).isTrue();

    Circuit probing = policy.onAdmitted(open, 30_004);
    assertThat(policy.admits(probing, 30_005)).as("a second caller").isFalse();
    assertThat(probing.stateAt(30_005)).isEqualTo(CircuitState.HALF_OPEN);
  }

  @Test
  void probeSuccessClosesAndForgets() {
    Circuit probing = policy.onAdmitted(failAt(Circuit.CLOSED, 0, 1, 2, 3, 4), 31_000);
    Circuit closed = policy.onSuccess(probing, 31_200);
    assertThat(closed).isEqualTo(Circuit.CLOSED);
    assertThat(policy.admits(closed, 31_200)).isTrue();
  }

  @Test
  void probeFailureReopensForAnotherOpenPeriod() {
    Circuit probing = policy.onAdmitted(failAt(Circuit.CLOSED, 0, 1, 2, 3, 4), 31_000);
    Circuit reopened = policy.onFailure(probing, 31_500);
    assertThat(reopened.stateAt(31_500)).isEqualTo(CircuitState.OPEN);
    assertThat(reopened.openUntilMillis()).isEqualTo(61_500);
    assertThat(policy.admits(reopened, 61_499)).isFalse();
    assertThat(policy.admits(reopened, 61_500)).isTrue();
  }

  @Test
  void anAbandonedProbeLetsTheNextOneThroughAtOnce() {
    Circuit probing = policy.onAdmitted(failAt(Circuit.CLOSED, 0, 1, 2, 3, 4), 31_000);
    Circuit abandoned = policy.onAbandoned(probing, 31_010);
    assertThat(policy.admits(abandoned, 31_010)).isTrue();
  }

  @Test
  void aLostProbeExpiresAfterItsLease() {
    Circuit probing = policy.onAdmitted(failAt(Circuit.CLOSED, 0, 1, 2, 3, 4), 31_000);
    assertThat(policy.admits(probing, 31_000 + 59_999)).isFalse();
    assertThat(policy.admits(probing, 31_000 + 60_000)).isTrue();
  }

  @Test
  void lateOutcomesOfCallsAdmittedBeforeTheTripChangeNothingWhileOpen() {
    Circuit open = failAt(Circuit.CLOSED, 0, 1, 2, 3, 4);
    assertThat(policy.onSuccess(open, 10_000)).isEqualTo(open);
    assertThat(policy.onFailure(open, 10_000)).isEqualTo(open);
  }
}
