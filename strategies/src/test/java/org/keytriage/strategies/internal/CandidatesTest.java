package org.keytriage.strategies.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CandidatesTest {

  @Test
  void rotatesARangeLeft() {
    String[] keys = {"a", "b", "c", "d", "e"};
    Candidates.rotateLeft(keys, 1, 4, 1);
    assertThat(keys).containsExactly("a", "c", "d", "b", "e");
  }

  @Test
  void rotatingByZeroOrTheLengthChangesNothing() {
    String[] keys = {"a", "b", "c"};
    Candidates.rotateLeft(keys, 0, 3, 0);
    Candidates.rotateLeft(keys, 0, 3, 3);
    assertThat(keys).containsExactly("a", "b", "c");
  }

  @Test
  void movesOneKeyToTheFront() {
    String[] keys = {"a", "b", "c", "d"};
    Candidates.moveToFront(keys, 2);
    assertThat(keys).containsExactly("c", "a", "b", "d");
  }
}
