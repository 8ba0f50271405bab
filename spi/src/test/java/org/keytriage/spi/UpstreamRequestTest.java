package org.keytriage.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpstreamRequestTest {
  @Test
  void theBodyKeepsItsKeyOrderAndCannotBeChanged() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", "m");
    body.put("messages", List.of());
    body.put("temperature", 0.2);
    body.put("max_tokens", 64);
    body.put("stream", true);

    UpstreamRequest request = new UpstreamRequest("/v1/chat/completions", "m", body, true);
    body.put("late", "x");

    assertThat(new ArrayList<>(request.body().keySet()))
        .containsExactly("model", "messages", "temperature", "max_tokens", "stream");
    assertThatThrownBy(() -> request.body().put("k", "v"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aNullTopLevelValueIsRefusedByKeyButNestedNullsAreJson() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", "m");
    body.put("stop", null);

    assertThatThrownBy(() -> new UpstreamRequest("/v1/chat/completions", "m", body, false))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("'stop'");
    Map<String, Object> nested = Map.of("messages", Arrays.asList("a", null));
    assertThat(new UpstreamRequest("/v1/x", "m", nested, false).body()).isEqualTo(nested);
  }

  @Test
  void noBodyIsAnEmptyOneAndThePathMustBeAbsolute() {
    assertThat(new UpstreamRequest("/v1/x", "m", null, false).body()).isEmpty();
    assertThatThrownBy(() -> new UpstreamRequest("v1/x", "m", Map.of(), false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringLeavesTheBodyOut() {
    assertThat(new UpstreamRequest("/v1/x", "m", Map.of("prompt", "Jane Doe"), false).toString())
        .doesNotContain("Jane");
  }
}
