package org.keytriage.strategies.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplorationScheduleTest {

  @Test
  void zeroShareNeverExplores() {
    ExplorationSchedule schedule = new ExplorationSchedule(0);
    for (int i = 0; i < 1000; i++) {
      assertThat(schedule.next()).isEqualTo(ExplorationSchedule.NO);
    }
  }

  @Test
  void aTenthExploresEveryTenthCallAndNumbersThem() {
    ExplorationSchedule schedule = new ExplorationSchedule(0.1);
    List<Long> turns = new ArrayList<>();
    int exploring = 0;
    for (int i = 0; i < 10_000; i++) {
      long turn = schedule.next();
      if (turn != ExplorationSchedule.NO) {
        exploring++;
        if (turns.size() < 3) {
          turns.add(turn);
        }
      }
    }
    assertThat(exploring).isEqualTo(1000);
    assertThat(turns).containsExactly(0L, 1L, 2L);
  }

  @Test
  void fullShareExploresEveryCall() {
    ExplorationSchedule schedule = new ExplorationSchedule(1);
    assertThat(schedule.next()).isZero();
    assertThat(schedule.next()).isEqualTo(1);
  }
}
