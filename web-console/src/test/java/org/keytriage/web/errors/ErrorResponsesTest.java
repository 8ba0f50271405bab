package org.keytriage.web.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

  @Test
  void openAiPathsAreV1Only() {
    assertThat(ErrorResponses.openAiPath("/v1/chat/completions")).isTrue();
    assertThat(ErrorResponses.openAiPath("v1/models")).isTrue();
    assertThat(ErrorResponses.openAiPath("/v1")).isTrue();
    assertThat(ErrorResponses.openAiPath("/v10/x")).isFalse();
    assertThat(ErrorResponses.openAiPath("/api/v1/keys")).isFalse();
  }

  @Test
  void openAiShapeHasMessageTypeAndCode() {
    @SuppressWarnings("unchecked")
    Map<String, Object> error = (Map<String, Object>) ErrorResponses.openAi(503, "no_available_key", "No available API key for task: x").get("error");
    assertThat(error).containsEntry("message", "No available API key for task: x")
        .containsEntry("type", "server_error").containsEntry("code", "no_available_key");
    assertThat(ErrorResponses.openAiType(401)).isEqualTo("authentication_error");
    assertThat(ErrorResponses.openAiType(403)).isEqualTo("permission_error");
    assertThat(ErrorResponses.openAiType(413)).isEqualTo("invalid_request_error");
    assertThat(ErrorResponses.openAiType(429)).isEqualTo("rate_limit_error");
  }

  @Test
  void problemHasRfc9457Members() {
    Map<String, Object> p = ErrorResponses.problem("/api/v1/keys/x", 404, "unknown_key", "Unknown key", "No key x");
    assertThat(p).containsEntry("type", "urn:keytriage:problem:unknown-key").containsEntry("title", "Unknown key")
        .containsEntry("status", 404).containsEntry("detail", "No key x").containsEntry("instance", "/api/v1/keys/x");
  }
}
