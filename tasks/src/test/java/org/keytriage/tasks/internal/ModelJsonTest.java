package org.keytriage.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keytriage.spi.JsonCodec;
import org.keytriage.tasks.tck.ProviderConfigs;

class ModelJsonTest {
  private static final JsonCodec JSON = ProviderConfigs.empty().json();
  private static final BigDecimal ONE = BigDecimal.ONE;

  @Test
  void plainObject() {
    assertThat(ModelJson.object(JSON, "{\"summary\": \"ok\"}")).contains(Map.of("summary", "ok"));
  }

  @Test
  void fencedObjectWithOrWithoutLanguageOrClosingFence() {
    assertThat(ModelJson.object(JSON, "```json\n{\"a\": 1}\n```")).contains(Map.of("a", ONE));
    assertThat(ModelJson.object(JSON, "  ```\n{\"a\": 1}\n```  ")).contains(Map.of("a", ONE));
    assertThat(ModelJson.object(JSON, "```JSON\n{\"a\": 1}")).contains(Map.of("a", ONE));
  }

  @Test
  void objectInsideProse() {
    assertThat(ModelJson.object(JSON, "Here is the analysis:\n{\"a\": {\"b\": [1]}}\nHope this helps."))
        .contains(Map.of("a", Map.of("b", List.of(ONE))));
  }

  @Test
  void noObject() {
    assertThat(ModelJson.object(JSON, null)).isEmpty();
    assertThat(ModelJson.object(JSON, "")).isEmpty();
    assertThat(ModelJson.object(JSON, "The patient is stable.")).isEmpty();
    assertThat(ModelJson.object(JSON, "[{\"a\": 1}]")).isEmpty();
    assertThat(ModelJson.object(JSON, "{\"a\": 1,}")).isEmpty();
    assertThat(ModelJson.object(JSON, "``` ")).isEmpty();
    assertThat(ModelJson.object(JSON, "} {")).isEmpty();
    assertThat(ModelJson.object(JSON, "{\"a\": 1} and {\"b\": 2}")).isEmpty();
  }

  @Test
  void stripFenceLeavesUnfencedTextTrimmed() {
    assertThat(ModelJson.stripFence("  text  ")).isEqualTo("text");
    assertThat(ModelJson.stripFence("```json\n{}\n```")).isEqualTo("{}");
  }
}
