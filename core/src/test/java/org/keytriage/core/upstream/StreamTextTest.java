package org.keytriage.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamTextTest {
  @Test
  void theDeltaContentOfTheFirstChoiceAndNothingElse() {
    assertThat(StreamText.of("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\" word\"}}]}"))
        .contains(" word");
    assertThat(StreamText.of("{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}"))
        .isEmpty();
    assertThat(StreamText.of("{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}")).isEmpty();
    assertThat(StreamText.of("{\"choices\":[],\"usage\":{\"total_tokens\":3}}")).isEmpty();
  }

  @Test
  void anythingThatIsNotAChunkAddsNoText() {
    assertThat(StreamText.of("not json")).isEmpty();
    assertThat(StreamText.of("[DONE]")).isEmpty();
    assertThat(StreamText.of("")).isEmpty();
    assertThat(StreamText.of(null)).isEmpty();
    assertThat(StreamText.of("[{\"delta\":{\"content\":\"x\"}}]")).isEmpty();
    assertThat(StreamText.of("{\"choices\":[{\"delta\":{\"content\":7}}]}")).isEmpty();
  }
}
