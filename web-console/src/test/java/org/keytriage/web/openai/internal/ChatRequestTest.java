package org.keytriage.web.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.keytriage.web.errors.ApiException;

class ChatRequestTest {

  private static ChatRequest read(String json) {
    return ChatRequest.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), 10_000);
  }

  @Test
  void aChatRequestGoesUpstreamAsSentLessTopLevelNulls() {
    ChatRequest r = read("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stop\":null,\"temperature\":0.2}");
    assertThat(r.streaming()).isFalse();
    assertThat(r.upstream().path()).isEqualTo("/v1/chat/completions");
    assertThat(r.upstream().model()).isEqualTo("m");
    assertThat(r.upstream().body()).containsKeys("model", "messages", "temperature").doesNotContainKey("stop");
    assertThat(r.hints().streaming()).isFalse();
  }

  @Test
  void streamTrueIsAStreamAndLatencySensitive() {
    ChatRequest r = read("{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(r.streaming()).isTrue();
    assertThat(r.hints().streaming()).isTrue();
    assertThat(r.hints().latencySensitive()).isTrue();
  }

  @Test
  void modelAndMessagesAreRequired() {
    assertThatThrownBy(() -> read("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining("\"model\" is required");
    assertThatThrownBy(() -> read("{\"model\":\"m\",\"messages\":[]}")).hasMessageContaining("\"messages\" is required");
    assertThatThrownBy(() -> read("{\"model\":\"m\",\"messages\":[{}],\"stream\":\"yes\"}"))
        .hasMessageContaining("\"stream\" must be true or false");
  }
}
