package org.keytriage.core.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.keytriage.core.upstream.RelayedBody;
import org.keytriage.spi.UpstreamRequest;
import org.junit.jupiter.api.Test;

class TokenEstimatorTest {
  private static RelayedBody chat(Map<String, Object> body) {
    return RelayedBody.of(new UpstreamRequest("/v1/chat/completions", "m", body, false));
  }

  @Test
  void promptIsCeilCharsOverFourPlusFourPerMessageAndCompletionIsMaxTokens() {
    TokenEstimate e =
        TokenEstimator.estimate(
            chat(Map.of(
                "messages", List.of(
                    Map.of("role", "system", "content", "12345"), // 2 + 4
                    Map.of("role", "user", "content", "1234")), // 1 + 4
                "max_tokens", 100)),
            1024);
    assertThat(e.prompt()).isEqualTo(11);
    assertThat(e.completion()).isEqualTo(100);
    assertThat(e.total()).isEqualTo(111);
  }

  @Test
  void withoutMaxTokensTheDefaultCompletionIsReserved() {
    TokenEstimate e =
        TokenEstimator.estimate(chat(Map.of("messages", List.of(Map.of("role", "user", "content", "")))), 1024);
    assertThat(e).isEqualTo(new TokenEstimate(4, 1024));
  }

  @Test
  void textPartsCountAndEmbeddingsReserveNoCompletion() {
    TokenEstimate parts =
        TokenEstimator.estimate(
            chat(Map.of("messages", List.of(Map.of("role", "user", "content",
                List.of(Map.of("type", "text", "text", "12345678"), Map.of("type", "image_url")))))),
            10);
    assertThat(parts.prompt()).isEqualTo(2 + 4);
    TokenEstimate embed =
        TokenEstimator.estimate(
            RelayedBody.of(new UpstreamRequest("/v1/embeddings", "m", Map.of("input", "123456789"), false)), 1024);
    assertThat(embed).isEqualTo(new TokenEstimate(3, 0));
  }
}
