package org.keytriage.web.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.keytriage.web.errors.ApiException;

class ChatRequestTest {

  private static ChatRequest read(String json) {
    return ChatRequest.read(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aChatRequestGoesUpstreamAsSentLessTopLevelNulls() {
    String sent = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":0.2}";
    ChatRequest plain = read(sent);
    assertThat(plain.body().forCompletion()).isEqualTo(sent.getBytes(StandardCharsets.UTF_8));
    ChatRequest r = read("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stop\":null,\"temperature\":0.2}");
    assertThat(r.streaming()).isFalse();
    assertThat(r.body().path()).isEqualTo("/v1/chat/completions");
    assertThat(r.body().model()).isEqualTo("m");
    assertThat(new String(r.body().forCompletion(), StandardCharsets.UTF_8)).isEqualTo(sent);
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
    assertThatThrownBy(() -> read("{\"model\": \"m\", \"messages\": ["))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_json"))
        .hasMessageStartingWith("The request body is not valid JSON");
  }
}
