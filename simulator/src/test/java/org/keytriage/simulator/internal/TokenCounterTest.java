package org.keytriage.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCounterTest {
  @Test
  void textIsACeilingOfQuarterCodePoints() {
    assertThat(TokenCounter.textTokens("")).isZero();
    assertThat(TokenCounter.textTokens("a")).isEqualTo(1);
    assertThat(TokenCounter.textTokens("abcd")).isEqualTo(1);
    assertThat(TokenCounter.textTokens("abcde")).isEqualTo(2);
    // Four emoji are four code points (eight chars): one token.
    assertThat(TokenCounter.textTokens("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"))
        .isEqualTo(1);
  }

  @Test
  void messagesAddFourEachAndPartsCountByType() {
    JsonObject system = Json.parseObject("{\"role\":\"system\",\"content\":\"Be brief.\"}");
    JsonObject user =
        Json.parseObject(
            "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is shown?\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"x\"}},"
                + "{\"type\":\"input_audio\",\"input_audio\":{}}]}");
    JsonObject toolCall = Json.parseObject("{\"role\":\"assistant\",\"content\":null}");

    assertThat(TokenCounter.messageTokens(system)).isEqualTo(4 + 3);
    assertThat(TokenCounter.messageTokens(user)).isEqualTo(4 + 4 + 85);
    assertThat(TokenCounter.messageTokens(toolCall)).isEqualTo(4);
    assertThat(TokenCounter.promptTokens(List.of(system, user, toolCall))).isEqualTo(104);
  }

  @Test
  void completionIsCappedByMaxTokensOrTheDefault() {
    assertThat(TokenCounter.completionTokens(11, null)).isEqualTo(27);
    assertThat(TokenCounter.completionTokens(47, null)).isEqualTo(63);
    assertThat(TokenCounter.completionTokens(48, null)).isEqualTo(16);
    assertThat(TokenCounter.completionTokens(11, 5L)).isEqualTo(5);
  }
}
