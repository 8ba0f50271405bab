package org.keytriage.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonParserTest {
  @Test
  void parsesEveryKindOfValue() throws Exception {
    Object tree = JsonParser.parse(
        " {\"s\": \"a\\\"b\\\\c\\/d\\n\\t\\u00e9\", \"i\": -12, \"big\": 123456789012345678901234567890,"
            + " \"d\": 1.5e2, \"z\": -0.0, \"t\": true, \"f\": false, \"n\": null,"
            + " \"a\": [1, [], {}], \"o\": {\"k\": [\"v\"]}} ");

    assertThat(tree).isInstanceOf(Map.class);
    Map<?, ?> m = (Map<?, ?>) tree;
    assertThat(m.get("s")).isEqualTo("a\"b\\c/d\n\té");
    assertThat(m.get("i")).isEqualTo(-12L);
    assertThat(m.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(m.get("d")).isEqualTo(150.0);
    assertThat(m.get("z")).isEqualTo(-0.0);
    assertThat(m.get("t")).isEqualTo(true);
    assertThat(m.get("f")).isEqualTo(false);
    assertThat(m.containsKey("n")).isTrue();
    assertThat(m.get("n")).isNull();
    assertThat(m.get("a")).isEqualTo(List.of(1L, List.of(), Map.of()));
    assertThat(m.get("o")).isEqualTo(Map.of("k", List.of("v")));
    assertThat(new java.util.ArrayList<Object>(m.keySet()))
        .containsExactly("s", "i", "big", "d", "z", "t", "f", "n", "a", "o");
  }

  @Test
  void decodesSurrogatePairs() throws Exception {
    assertThat(JsonParser.parse("\"\\ud83d\\ude42\"")).isEqualTo("🙂");
    assertThat(JsonParser.parse("\"🙂 漢字\"")).isEqualTo("🙂 漢字");
  }

  @Test
  void topLevelScalarsAreValues() throws Exception {
    assertThat(JsonParser.parse("42")).isEqualTo(42L);
    assertThat(JsonParser.parse("\"x\"")).isEqualTo("x");
    assertThat(JsonParser.parse("null")).isNull();
    assertThat(JsonParser.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(JsonParser.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void duplicateKeyKeepsTheLastValue() throws Exception {
    assertThat(JsonParser.parse("{\"a\": 1, \"a\": 2}")).isEqualTo(Map.of("a", 2L));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", " ", "{", "}", "[", "[1,]", "{\"a\":1,}", "{'a':1}", "{a:1}", "01", "-", "1.", ".5", "1e",
      "+1", "NaN", "Infinity", "tru", "nul", "\"unterminated", "\"bad \\x escape\"", "\"\\u12\"",
      "\"tab\there\"", "{\"a\" 1}", "[1 2]", "{} {}", "1 2", "// comment\n{}", "{\"a\":1} x", "1e999"
  })
  void refusesWhatIsNotStrictJson(String text) {
    assertThatThrownBy(() -> JsonParser.parse(text)).isInstanceOf(JsonSyntaxException.class);
  }

  @Test
  void refusesNullText() {
    assertThatThrownBy(() -> JsonParser.parse(null)).isInstanceOf(JsonSyntaxException.class);
  }

  @Test
  void nestingIsBoundedSoHostileInputCannotExhaustTheStack() throws Exception {
    String ok = "[".repeat(JsonParser.MAX_DEPTH) + "]".repeat(JsonParser.MAX_DEPTH);
    assertThat(JsonParser.parse(ok)).isInstanceOf(List.class);

    String deep = "[".repeat(JsonParser.MAX_DEPTH + 1) + "]".repeat(JsonParser.MAX_DEPTH + 1);
    assertThatThrownBy(() -> JsonParser.parse(deep)).isInstanceOf(JsonSyntaxException.class);
    assertThatThrownBy(() -> JsonParser.parse("{\"a\":".repeat(100_000)))
        .isInstanceOf(JsonSyntaxException.class);
  }

  @Test
  void errorsGiveTheOffsetButNeverTheText() {
    String text = "{\"name\": \"Jane Patient-Doe\" \"mrn\": 12345}";
    assertThatThrownBy(() -> JsonParser.parse(text))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessageContaining("offset 28")
        .hasMessageNotContaining("Jane")
        .hasMessageNotContaining("12345")
        .satisfies(e -> assertThat(((JsonSyntaxException) e).offset()).isEqualTo(28));
  }
}
