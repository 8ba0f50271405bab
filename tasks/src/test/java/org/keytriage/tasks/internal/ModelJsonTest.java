package org.keytriage.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelJsonTest {
  @Test
  void plainObject() {
    assertThat(ModelJson.object("{\"summary\": \"ok\"}")).contains(Map.of("summary", "ok"));
  }

  @Test
  void fencedObjectWithOrWithoutLanguageOrClosingFence() {
    assertThat(ModelJson.object("```json\n{\"a\": 1}\n```")).contains(Map.of("a", 1L));
    assertThat(ModelJson.object("  ```\n{\"a\": 1}\n```  ")).contains(Map.of("a", 1L));
    assertThat(ModelJson.object("```JSON\n{\"a\": 1}")).contains(Map.of("a", 1L));
  }

  @Test
  void objectInsideProse() {
    assertThat(ModelJson.object("Here is the analysis:\n{\"a\": {\"b\": [1]}}\nHope this helps."))
        .contains(Map.of("a", Map.of("b", List.of(1L))));
  }

  @Test
  void noObject() {
    assertThat(ModelJson.object(null)).isEmpty();
    assertThat(ModelJson.object("")).isEmpty();
    assertThat(ModelJson.object("The patient is stable.")).isEmpty();
    assertThat(ModelJson.object("[{\"a\": 1}]")).isEmpty();
    assertThat(ModelJson.object("{\"a\": 1,}")).isEmpty();
    assertThat(ModelJson.object("``` ")).isEmpty();
    assertThat(ModelJson.object("} {")).isEmpty();
    assertThat(ModelJson.object("{\"a\": 1} and {\"b\": 2}")).isEmpty();
  }

  @Test
  void stripFenceLeavesUnfencedTextTrimmed() {
    assertThat(ModelJson.stripFence("  text  ")).isEqualTo("text");
    assertThat(ModelJson.stripFence("```json\n{}\n```")).isEqualTo("{}");
  }
}
