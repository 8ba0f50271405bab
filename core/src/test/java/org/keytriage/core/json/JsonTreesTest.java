package org.keytriage.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The server's side: the same tree model parsing, and a lenient writer for its own views. */
class JsonTreesTest {
  @Test
  void toJavaGivesTheCodecsTreeModel() {
    String text = "{\"b\": 1, \"a\": [2.5, 1e3, {\"k\": null}]}";
    JsonValue value = JsonTrees.provider().createReader(new StringReader(text)).readValue();

    Object tree = JsonTrees.toJava(value);

    assertThat(tree).isEqualTo(JsonTrees.codec().parse(text));
    Map<?, ?> m = (Map<?, ?>) tree;
    assertThat(new ArrayList<Object>(m.keySet())).containsExactly("b", "a");
    assertThat(m.get("b")).isExactlyInstanceOf(BigDecimal.class);
    assertThat((List<?>) m.get("a")).first().isEqualTo(new BigDecimal("2.5"));
    assertThatThrownBy(() -> ((List<Object>) m.get("a")).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void parseObjectIsEmptyForAnythingButOneObject() {
    assertThat(JsonTrees.parseObject("{\"a\": 1}")).contains(Map.of("a", BigDecimal.ONE));
    assertThat(JsonTrees.parseObject("[1]")).isEmpty();
    assertThat(JsonTrees.parseObject("{\"a\": 1} trailing")).isEmpty();
    assertThat(JsonTrees.parseObject("[".repeat(100_000))).isEmpty();
    assertThat(JsonTrees.parseObject(" ")).isEmpty();
    assertThat(JsonTrees.parseObject(null)).isEmpty();
  }

  @Test
  void theViewWriterTakesWhatTheCodecRefuses() {
    Map<Object, Object> view = new LinkedHashMap<>();
    view.put("state", Thread.State.TIMED_WAITING);
    view.put("ids", Set.of("k1"));
    view.put("arr", new Object[] {1, null});
    view.put("nan", Double.NaN);
    view.put(7, "int key");
    view.put("raw", JsonValue.TRUE);

    assertThat(JsonTrees.write(view)).isEqualTo(
        "{\"state\":\"timed_waiting\",\"ids\":[\"k1\"],\"arr\":[1,null],\"nan\":null,"
            + "\"7\":\"int key\",\"raw\":true}");
    assertThatThrownBy(() -> JsonTrees.codec().write(view))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
