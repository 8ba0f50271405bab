package org.keytriage.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChunkTextTest {
  @Test
  void deltaContentOnly() {
    assertThat(ChunkText.of("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\" word\"}}]}"))
        .contains(" word");
    assertThat(ChunkText.of("{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}"))
        .isEmpty();
    assertThat(ChunkText.of("{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}")).isEmpty();
    assertThat(ChunkText.of("{\"choices\":[],\"usage\":{\"total_tokens\":3}}")).isEmpty();
    assertThat(ChunkText.of("not json")).isEmpty();
  }
}
