package org.keytriage.core.config.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .env.api_keys dialect: what python-dotenv accepts for single-line values. */
class EnvFileTest {
  private static EnvFile parse(String content) {
    return EnvFile.parse(".env.api_keys", content);
  }

  @Test
  void plainLinesCommentsAndBlankLines() {
    EnvFile env = parse("# a comment\n\nA=1\n   # indented comment\nB=two words\n");

    assertThat(env.values()).containsExactly(entry("A", "1"), entry("B", "two words"));
    assertThat(env.skippedLines()).isEmpty();
  }

  @Test
  void exportPrefixAndSpacesAroundEquals() {
    EnvFile env = parse("export A=1\nexport   B = 2\nexporter=3\n");

    assertThat(env.values()).containsExactly(entry("A", "1"), entry("B", "2"), entry("exporter", "3"));
  }

  @Test
  void trailingCommentAfterAnUnquotedValueNeedsWhitespaceBeforeTheHash() {
    EnvFile env = parse("A=value # comment\nB=val#ue\nC=value\t# tab comment\n");

    assertThat(env.values())
        .containsExactly(entry("A", "value"), entry("B", "val#ue"), entry("C", "value"));
  }

  @Test
  void singleQuotesAreLiteral() {
    EnvFile env = parse("A='nvapi-x # not a comment'\nB='a\\nb'\nC='it\\'s'\n");

    assertThat(env.values())
        .containsExactly(
            entry("A", "nvapi-x # not a comment"), entry("B", "a\\nb"), entry("C", "it's"));
  }

  @Test
  void doubleQuotesDecodeEscapes() {
    EnvFile env = parse("A=\"x \\\"y\\\" z\"\nB=\"line1\\nline2\"\nC=\"back\\\\slash\" # c\n");

    assertThat(env.values())
        .containsExactly(
            entry("A", "x \"y\" z"), entry("B", "line1\nline2"), entry("C", "back\\slash"));
  }

  @Test
  void quotedValueKeepsSurroundingSpaces() {
    assertThat(parse("A=\"  padded  \"\n").values()).containsEntry("A", "  padded  ");
  }

  @Test
  void emptyValues() {
    assertThat(parse("A=\nB=''\nC=\"\"\n").values())
        .containsExactly(entry("A", ""), entry("B", ""), entry("C", ""));
  }

  @Test
  void laterDefinitionWins() {
    assertThat(parse("A=1\nA=2\n").values()).containsExactly(entry("A", "2"));
  }

  @Test
  void windowsLineEndingsAndByteOrderMark() {
    EnvFile env = parse("\uFEFFA=1\r\nB='2'\r\n");

    assertThat(env.values()).containsExactly(entry("A", "1"), entry("B", "2"));
  }

  @Test
  void unreadableLinesAreSkippedByNumber() {
    EnvFile env =
        parse("GOOD=1\nno equals sign\n1BAD=x\nA='unterminated\nB=\"x\" trailing\nC=3\n");

    assertThat(env.values()).containsExactly(entry("GOOD", "1"), entry("C", "3"));
    assertThat(env.skippedLines()).containsExactly(2, 3, 4, 5);
  }

  @Test
  void aMissingFileIsAbsentNotAnError(@TempDir Path dir) {
    EnvFile env = EnvFile.read(dir.resolve(".env.api_keys"));

    assertThat(env.configured()).isTrue();
    assertThat(env.present()).isFalse();
    assertThat(env.values()).isEmpty();
  }

  @Test
  void readsAFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve(".env.api_keys"), "A=1\n");

    EnvFile env = EnvFile.read(file);

    assertThat(env.name()).isEqualTo(file.toString());
    assertThat(env.present()).isTrue();
    assertThat(env.values()).containsExactly(entry("A", "1"));
  }
}
