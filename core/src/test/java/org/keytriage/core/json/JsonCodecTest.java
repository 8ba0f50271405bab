package org.keytriage.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keytriage.core.json.internal.JsonPCodec;
import org.keytriage.spi.JsonCodec;

/** The codec handlers get: the spi's one tree model, strict both ways. */
class JsonCodecTest {
  private static final JsonCodec JSON = JsonTrees.codec();

  @Test
  void everyNumberIsABigDecimalWithTheDigitsAsWritten() {
    Map<?, ?> m = (Map<?, ?>) JSON.parse("{\"int\": 42, \"neg\": -12, \"dec\": 0.10,"
        + " \"exp\": 1.5e2,"
        + " \"negexp\": 25E-3, \"zero\": -0, \"long\": 9223372036854775807,"
        + " \"big\": 123456789012345678901234567890, \"tiny\": 1e-400, \"huge\": 1e400}");

    assertThat(m.values()).allSatisfy(v -> assertThat(v).isExactlyInstanceOf(BigDecimal.class));
    assertThat(m.get("int")).isEqualTo(new BigDecimal("42"));
    assertThat(m.get("neg")).isEqualTo(new BigDecimal("-12"));
    assertThat(m.get("dec")).isEqualTo(new BigDecimal("0.10")); // scale kept: 0.10, not 0.1
    assertThat(m.get("exp")).isEqualTo(new BigDecimal("1.5e2"));
    assertThat(((BigDecimal) m.get("exp")).intValueExact()).isEqualTo(150);
    assertThat(m.get("negexp")).isEqualTo(new BigDecimal("0.025"));
    assertThat(m.get("zero")).isEqualTo(BigDecimal.ZERO);
    assertThat(m.get("long")).isEqualTo(BigDecimal.valueOf(Long.MAX_VALUE));
    assertThat(m.get("big")).isEqualTo(new BigDecimal("123456789012345678901234567890"));
    assertThat(m.get("tiny")).isEqualTo(new BigDecimal("1e-400"));
    assertThat(m.get("huge")).isEqualTo(new BigDecimal("1e400"));
    assertThat(JSON.parse("[1, [2.5]]"))
        .isEqualTo(List.of(BigDecimal.ONE, List.of(new BigDecimal("2.5"))));
    assertThat(JSON.parse("7")).isEqualTo(BigDecimal.valueOf(7));
  }

  @Test
  void objectsKeepTheTextsKeyOrderAndTreesAreUnmodifiable() {
    Map<?, ?> m = (Map<?, ?>) JSON.parse(
        "{\"z\": 1, \"a\": {\"y\": true, \"b\": false}, \"m\": [null, \"x\"], \"c\": null}");

    assertThat(new ArrayList<Object>(m.keySet())).containsExactly("z", "a", "m", "c");
    assertThat(new ArrayList<Object>(((Map<?, ?>) m.get("a")).keySet())).containsExactly("y", "b");
    assertThat(m.containsKey("c")).isTrue();
    assertThat(m.get("c")).isNull();
    assertThat(m.get("m")).isEqualTo(Arrays.asList(null, "x"));
    assertThatThrownBy(() -> ((Map<Object, Object>) m).put("k", "v"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<Object>) m.get("m")).add("v"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(JSON.write(m))
        .isEqualTo("{\"z\":1,\"a\":{\"y\":true,\"b\":false},\"m\":[null,\"x\"],\"c\":null}");
  }

  @Test
  void aDuplicateKeyKeepsTheLastValue() {
    assertThat(JSON.parse("{\"a\": 1, \"a\": 2}")).isEqualTo(Map.of("a", BigDecimal.valueOf(2)));
  }

  @Test
  void scalarsAtTheTopAreValues() {
    assertThat(JSON.parse(" \"x\" ")).isEqualTo("x");
    assertThat(JSON.parse("true")).isEqualTo(Boolean.TRUE);
    assertThat(JSON.parse("null")).isNull();
    assertThat(JSON.parse("{}")).isEqualTo(Map.of());
    assertThat(JSON.parse("[]")).isEqualTo(List.of());
  }

  @Test
  void unicodeAndControlCharactersRoundTrip() {
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      every.append(c);
    }
    String text = every + " \" \\ / \u007f \u2028 \u2029 é 漢字 🙂 \uFFFF";

    String json = JSON.write(List.of(text));

    for (char c = 0; c < 0x20; c++) {
      assertThat(json.indexOf(c)).as("control character %d is escaped", (int) c).isEqualTo(-1);
    }
    assertThat(json).contains("\\\"").contains("\\\\").contains("\\n").contains("\\t");
    assertThat(JSON.parse(json)).isEqualTo(List.of(text));
    assertThat(JSON.parse("\"\\ud83d\\ude42 \\u00e9 \\/ \\b\\f\"")).isEqualTo("🙂 é / \b\f");
    assertThat(JSON.parse("\"🙂 漢字\"")).isEqualTo("🙂 漢字");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", " ", "{", "}", "[", "[1,]", "{\"a\":1,}", "{'a':1}", "{a:1}", "01", "-", "1.", ".5", "1e",
      "+1", "NaN", "Infinity", "tru", "nul", "\"unterminated", "\"bad \\x escape\"", "\"\\u12\"",
      "\"tab\there\"", "{\"a\" 1}", "[1 2]", "{} {}", "1 2", "// comment\n{}", "{\"a\":1} x",
      "[1e99999999999]"
  })
  void refusesWhatIsNotExactlyOneStrictJsonValue(String text) {
    assertThatThrownBy(() -> JSON.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not JSON: ");
  }

  @Test
  void refusesNullText() {
    assertThatThrownBy(() -> JSON.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void errorsNameThePositionButNeverTheText() {
    String text = "{\"name\": \"Jane Patient-Doe\",\n \"mrn\": 12345 \"dob\": \"1970-01-01\"}";

    assertThatThrownBy(() -> JSON.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2, column")
        .hasMessageNotContainingAny("Jane", "12345", "dob", "1970", "STRING", "\"")
        .hasNoCause();
    // the implementation's message would spell the offending character as its code (J is 74)
    assertThatThrownBy(() -> JSON.parse("{Jane}"))
        .hasMessageContaining("line 1, column")
        .hasMessageNotContainingAny("Jane", "74")
        .hasNoCause();
  }

  @Test
  void nestingIsBoundedSoHostileInputCannotExhaustTheStack() {
    int max = JsonPCodec.MAX_DEPTH;
    assertThat(JSON.parse("[".repeat(max) + "]".repeat(max))).isInstanceOf(List.class);

    assertThatThrownBy(() -> JSON.parse("[".repeat(max + 1) + "]".repeat(max + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deeper than " + max);
    assertThatThrownBy(() -> JSON.parse("{\"a\":".repeat(100_000)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesAnyFiniteNumberCompactly() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("i", 7);
    tree.put("l", -9L);
    tree.put("d", 2.5);
    tree.put("f", 0.1f);
    tree.put("bd", new BigDecimal("0.10"));
    tree.put("bi", new BigInteger("123456789012345678901234567890"));
    tree.put("atomic", new AtomicLong(5));
    tree.put("list", Arrays.asList(1, null, "x"));

    String json = JSON.write(tree);

    assertThat(json).isEqualTo("{\"i\":7,\"l\":-9,\"d\":2.5,\"f\":0.1,\"bd\":0.10,"
        + "\"bi\":123456789012345678901234567890,\"atomic\":5,\"list\":[1,null,\"x\"]}");
    assertThat(((Map<?, ?>) JSON.parse(json)).get("d")).isEqualTo(new BigDecimal("2.5"));
  }

  @Test
  void writeRefusesWhatTheTreeModelDoesNotHoldWithoutPrintingIt() {
    Map<Object, Object> intKeys = new LinkedHashMap<>();
    intKeys.put(1, "Jane Doe");
    for (Object bad : List.of(new StringBuilder("Jane Doe"), Set.of("Jane Doe"),
        new String[] {"Jane Doe"}, Thread.State.NEW, intKeys, List.of(new Object()))) {
      assertThatThrownBy(() -> JSON.write(bad))
          .as("writing a %s", bad.getClass().getSimpleName())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining("Jane");
    }
    assertThatThrownBy(() -> JSON.write(Map.of("x", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JSON.write(List.of(Float.POSITIVE_INFINITY)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTreeThatHoldsItselfFailsInsteadOfOverflowingTheStack() {
    List<Object> cyclic = new ArrayList<>();
    cyclic.add(cyclic);
    assertThatThrownBy(() -> JSON.write(cyclic))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deeper than");
  }

  @Test
  void whatItWritesParsesBackToTheSameTree() {
    String text =
        "{\"s\":\"a\\\"b\",\"n\":[1,2.50,-3e-2,1E+400],\"o\":{\"t\":true,\"f\":false,\"z\":null}}";
    Object tree = JSON.parse(text);
    assertThat(JSON.parse(JSON.write(tree))).isEqualTo(tree);
    assertThatCode(() -> JSON.write(JsonTrees.parse(text))).doesNotThrowAnyException();
  }
}
