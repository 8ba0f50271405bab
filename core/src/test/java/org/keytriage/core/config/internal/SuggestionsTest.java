package org.keytriage.core.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  @Test
  void suggestsTheClosestCandidateWithinTwoEdits() {
    List<String> fields = List.of("max_rpm", "max_tpm", "is_backup");

    assertThat(Suggestions.didYouMean("max_rmp", fields)).isEqualTo(" (did you mean 'max_rpm'?)");
    assertThat(Suggestions.didYouMean("IS_BACKUP", fields)).isEqualTo(" (did you mean 'is_backup'?)");
    assertThat(Suggestions.didYouMean("compliance_class", fields)).isEmpty();
  }

  @Test
  void listsCandidatesSorted() {
    assertThat(Suggestions.listOf(List.of("b", "a"))).isEqualTo("a, b");
    assertThat(Suggestions.listOf(List.of())).isEqualTo("(none available)");
  }

  @Test
  void distanceIsLevenshtein() {
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
  }
}
