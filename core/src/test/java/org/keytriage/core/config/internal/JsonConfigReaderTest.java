package org.keytriage.core.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Parsson's reasons, in the words a person editing the file understands. */
class JsonConfigReaderTest {
  @Test
  void invalidTokenBecomesFoundAndExpected() {
    assertThat(
            JsonConfigReader.reason(
                "Invalid token=NUMBER at (line no=3, column no=10, offset=20). Expected tokens"
                    + " are: [COMMA, SQUARECLOSE]"))
        .isEqualTo("unexpected a number, expected ',' or ']'");
  }

  @Test
  void unexpectedCharacterIsShownAsTheCharacter() {
    assertThat(JsonConfigReader.reason("Unexpected char 125 at (line no=1, column no=10, offset=9), expecting 'e'"))
        .isEqualTo("unexpected '}', expected 'e'");
    assertThat(JsonConfigReader.reason("Unexpected char 10 at (line no=1, column no=10, offset=9)"))
        .startsWith("unexpected line break");
  }

  @Test
  void unknownReasonsPassThroughWithoutTheLocation() {
    assertThat(JsonConfigReader.reason("Something odd at (line no=1, column no=2, offset=1)"))
        .isEqualTo("Something odd");
  }
}
