package org.keytriage.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keytriage.core.keys.KeyState;
import org.keytriage.core.keys.KeyStateStore;
import org.keytriage.core.testing.MutableClock;

/**
 * The router's one read of a route's key states ({@link KeyStateStore#getAll}): on three members,
 * with keys owned by different members and changed through others, it answers every stored state
 * and leaves out keys that have none, exactly as the in-process store does.
 */
class KeyStateBatchReadTest {
  private static TestGrid grid;

  @BeforeAll
  static void startMembers() {
    grid = TestGrid.start(KeyStateBatchReadTest.class, 3);
  }

  @AfterAll
  static void stopMembers() {
    if (grid != null) {
      grid.close();
    }
  }

  @Test
  void oneReadAnswersEveryStoredStateAndLeavesOutTheOthers() {
    MutableClock clock = new MutableClock();
    String run = Long.toString(System.nanoTime(), 36);
    List<String> ids = List.of("a-" + run, "b-" + run, "c-" + run, "d-" + run, "e-" + run);
    KeyStateStore inProcess = KeyStateStore.inProcess();
    KeyState cooled = KeyState.initial(true).cooledUntil(clock.millis() + 5_000);
    KeyState off = KeyState.initial(true).withActive(false);
    for (KeyStateStore store : List.of(grid.backends(1, clock).keyStates(), inProcess)) {
      store.update(ids.get(0), KeyState.initial(true), s -> cooled);
      store.update(ids.get(3), KeyState.initial(true), s -> off);
    }
    grid.backends(2, clock).keyStates().update(ids.get(4), KeyState.initial(true), s -> s.withQuarantined(true));
    inProcess.update(ids.get(4), KeyState.initial(true), s -> s.withQuarantined(true));

    Map<String, KeyState> read = grid.backends(0, clock).keyStates().getAll(ids);

    assertThat(read)
        .containsOnlyKeys(ids.get(0), ids.get(3), ids.get(4))
        .containsEntry(ids.get(0), cooled)
        .containsEntry(ids.get(3), off)
        .isEqualTo(inProcess.getAll(ids));
    assertThat(grid.backends(0, clock).keyStates().getAll(List.of())).isEmpty();
  }
}
