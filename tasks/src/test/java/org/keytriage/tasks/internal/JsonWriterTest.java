package org.keytriage.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  @Test
  void writesCompactJsonThatParsesBack() throws Exception {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("s", "quote \" backslash \\ newline \n tab \t bell \u0007 é 🙂");
    tree.put("i", 7);
    tree.put("l", -9L);
    tree.put("d", 2.5);
    tree.put("whole", 3.0);
    tree.put("bd", new BigDecimal("0.10"));
    tree.put("b", true);
    tree.put("n", null);
    tree.put("list", Arrays.asList(1, null, "x"));

    String json = JsonWriter.write(tree);

    assertThat(json).startsWith("{\"s\":\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007");
    assertThat(json).contains("\"whole\":3,").contains("\"bd\":0.10");
    Map<?, ?> back = (Map<?, ?>) JsonParser.parse(json);
    assertThat(back.get("s")).isEqualTo(tree.get("s"));
    assertThat(back.get("list")).isEqualTo(Arrays.asList(1L, null, "x"));
    assertThat(back.get("d")).isEqualTo(2.5);
  }

  @Test
  void refusesWhatJsonCannotHoldWithoutPrintingIt() {
    assertThatThrownBy(() -> JsonWriter.write(Map.of("x", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonWriter.write(List.of(new StringBuilder("Jane Doe"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("Jane");
  }

  @Test
  void aCycleFailsFastInsteadOfLooping() {
    List<Object> cyclic = new ArrayList<>();
    cyclic.add(cyclic);
    assertThatThrownBy(() -> JsonWriter.write(cyclic)).isInstanceOf(IllegalArgumentException.class);
  }
}
