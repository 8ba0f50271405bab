package org.keytriage.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WitnessLogTest {
  private static final Duration MINUTE = Duration.ofSeconds(60);

  @Test
  void maximaOverAHandMadeSequenceAreExact() {
    WitnessLog log = new WitnessLog();
    // Recorded out of order on purpose; times in seconds from 0.
    long[][] events = { // {second, tokens}
      {0, 10}, {30, 20}, {59, 5}, {60, 100}, {61, 1}, {119, 7}, {120, 3}, {200, 50}
    };
    for (int i = events.length - 1; i >= 0; i--) {
      log.record(WitnessEntry.of("k", events[i][0] * 1000, events[i][1], 200));
    }

    // [0, 60) holds 0, 30, 59 = 3 requests; [30, 90) holds 30, 59, 60, 61 = 4: the busiest.
    assertThat(log.maxRequestsInAnyWindow("k", MINUTE, true)).isEqualTo(4);
    // Tokens: [30, 90) = 20 + 5 + 100 + 1 = 126; [60, 120) = 100 + 1 + 7 = 108.
    assertThat(log.maxTokensInAnyWindow("k", MINUTE, true)).isEqualTo(126);
    // 59 s, 60 s and 61 s are exactly one 1 s window apart: no 1 s window holds two of them.
    assertThat(log.maxRequestsInAnyWindow("k", Duration.ofSeconds(1), true)).isEqualTo(1);
    assertThat(log.maxRequestsInAnyWindow("k", Duration.ofMillis(1001), true)).isEqualTo(2);
    assertThat(log.requestCount("k")).isEqualTo(8);
  }

  @Test
  void boundaryIsHalfOpen() {
    WitnessLog log = new WitnessLog();
    log.record(WitnessEntry.of("k", 0, 1, 200));
    log.record(WitnessEntry.of("k", 60_000, 1, 200));
    log.record(WitnessEntry.of("k", 59_999, 1, 200));

    assertThat(log.maxRequestsInAnyWindow("k", MINUTE, true)).isEqualTo(2);
    assertThat(log.maxRequestsInAnyWindow("k", Duration.ofMillis(60_001), true)).isEqualTo(3);
  }

  @Test
  void acceptedOnlyLeavesOutRefusals() {
    WitnessLog log = new WitnessLog();
    log.record(new WitnessEntry("k", 0, 10, 200, true, "/v1/chat/completions"));
    log.record(new WitnessEntry("k", 1, 10, 429, false, "/v1/chat/completions"));
    log.record(new WitnessEntry("k", 2, 10, 503, true, "/v1/chat/completions"));

    assertThat(log.maxRequestsInAnyWindow("k", MINUTE, true)).isEqualTo(2);
    assertThat(log.maxRequestsInAnyWindow("k", MINUTE, false)).isEqualTo(3);
    assertThat(log.maxTokensInAnyWindow("k", MINUTE, true)).isEqualTo(20);
  }

  @Test
  void sweepAgreesWithBruteForceOnRandomSequences() {
    Random random = new Random(123);
    for (int round = 0; round < 200; round++) {
      WitnessLog log = new WitnessLog();
      List<long[]> events = new ArrayList<>();
      int n = random.nextInt(40);
      for (int i = 0; i < n; i++) {
        long t = random.nextInt(300) * 1000L + (random.nextBoolean() ? 0 : random.nextInt(1000));
        long tokens = random.nextInt(100);
        events.add(new long[] {t, tokens});
        log.record(WitnessEntry.of("k", t, tokens, 200));
      }
      long bestCount = 0;
      long bestTokens = 0;
      for (long[] start : events) {
        long count = 0;
        long tokens = 0;
        for (long[] e : events) {
          if (e[0] >= start[0] && e[0] < start[0] + 60_000) {
            count++;
            tokens += e[1];
          }
        }
        bestCount = Math.max(bestCount, count);
        bestTokens = Math.max(bestTokens, tokens);
      }
      assertThat(log.maxRequestsInAnyWindow("k", MINUTE, true)).isEqualTo(bestCount);
      assertThat(log.maxTokensInAnyWindow("k", MINUTE, true)).isEqualTo(bestTokens);
    }
  }

  @Test
  void unknownLabelIsEmptyAndBadWindowIsRefused() {
    WitnessLog log = new WitnessLog();

    assertThat(log.entries("nobody")).isEmpty();
    assertThat(log.maxRequestsInAnyWindow("nobody", MINUTE, false)).isZero();
    assertThatThrownBy(() -> log.maxRequestsInAnyWindow("nobody", Duration.ZERO, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
