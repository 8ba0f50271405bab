package org.keytriage.web.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keytriage.web.errors.ApiException;

class JsonTextTest {

  private static Map<String, Object> read(String json, long max) {
    return JsonText.readObject(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), max);
  }

  @Test
  void readsAnObjectTreeKeepingNumbersExact() {
    Map<String, Object> m = read("{\"a\":1,\"t\":0.7,\"l\":[true,null,\"x\"],\"o\":{}}", 1000);
    assertThat(m.get("a")).isEqualTo(BigDecimal.ONE); // every number, as handlers see them
    assertThat(m.get("t")).isEqualTo(new BigDecimal("0.7"));
    assertThat(m.get("l")).isEqualTo(java.util.Arrays.asList(true, null, "x"));
    assertThat(m.get("o")).isEqualTo(Map.of());
  }

  @Test
  void tooLargeIs413() {
    assertThatThrownBy(() -> read("{\"a\":\"" + "x".repeat(100) + "\"}", 50))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(413);
          assertThat(e.code()).isEqualTo("body_too_large");
        });
  }

  @Test
  void malformedJsonNamesThePlaceNotTheContent() {
    assertThatThrownBy(() -> read("{\"note\": \"patient John Doe\" ", 1000))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining("line 1").hasMessageNotContaining("John");
    assertThatThrownBy(() -> read("", 1000)).hasMessageContaining("empty");
    assertThatThrownBy(() -> read("[1]", 1000)).hasMessageContaining("must be a JSON object, not array");
  }

  @Test
  void writesTreesWithNonFiniteNumbersAsNull() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", Double.NaN);
    m.put("d", 0.5);
    m.put("s", "x\"y");
    m.put("l", List.of(1, 2L));
    m.put("z", null);
    assertThat(JsonText.write(m)).isEqualTo("{\"n\":null,\"d\":0.5,\"s\":\"x\\\"y\",\"l\":[1,2],\"z\":null}");
  }
}
