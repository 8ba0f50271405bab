package org.keytriage.core.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keytriage.core.upstream.TokenUsage;

class ChunkScanTest {
  private static ChunkScan.Kind scan(String chunk, StreamAssembly assembly, StringBuilder error) {
    byte[] bytes = (chunk + "trailing bytes that are not the chunk's").getBytes(StandardCharsets.UTF_8);
    return ChunkScan.scan(bytes, chunk.getBytes(StandardCharsets.UTF_8).length, assembly, error);
  }

  @Test
  void chunksAssembleIntoTheNonStreamingAnswer() {
    StreamAssembly assembly = new StreamAssembly();
    StringBuilder error = new StringBuilder();
    assertThat(scan("{\"id\":\"c1\",\"created\":7,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
        + "\"content\":\"Hel\"},\"finish_reason\":null}]}", assembly, error)).isEqualTo(ChunkScan.Kind.CHUNK);
    assertThat(scan("{\"id\":\"c1\",\"choices\":[{\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"},"
        + "{\"index\":1,\"text\":\"x\",\"logprobs\":{\"a\":[1,2]}}]}", assembly, error)).isEqualTo(ChunkScan.Kind.CHUNK);
    assertThat(scan("{\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}",
        assembly, error)).isEqualTo(ChunkScan.Kind.USAGE_ONLY);
    assertThat(error).isEmpty();
    assertThat(assembly.reportedUsage()).contains(new TokenUsage(3, 2, 5, false));
    assertThat(assembly.contentChars()).isEqualTo(6);
    Map<String, Object> body = assembly.body(assembly.tokens(0));
    assertThat(body).containsEntry("id", "c1").containsEntry("model", "m").containsEntry("created", new BigDecimal(7));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> choices = (List<Map<String, Object>>) body.get("choices");
    assertThat(choices).hasSize(2);
    assertThat(choices.get(0)).containsEntry("finish_reason", "stop");
    assertThat(choices.get(0).get("message")).isEqualTo(Map.of("role", "assistant", "content", "Hello"));
    assertThat(choices.get(1).get("message")).isEqualTo(Map.of("role", "assistant", "content", "x"));
  }

  @Test
  void anErrorEventIsReportedWithItsMessageAndAddsNothing() {
    StreamAssembly assembly = new StreamAssembly();
    StringBuilder error = new StringBuilder();
    assertThat(scan("{\"choices\":[{\"delta\":{\"content\":\"no\"}}],\"error\":{\"message\":\"overloaded\",\"code\":503}}",
        assembly, error)).isEqualTo(ChunkScan.Kind.ERROR);
    assertThat(error).hasToString("overloaded");
    assertThat(assembly.contentChars()).isZero();
    StringBuilder plain = new StringBuilder();
    assertThat(scan("{\"error\":\"boom\"}", assembly, plain)).isEqualTo(ChunkScan.Kind.ERROR);
    assertThat(plain).hasToString("boom");
  }

  @Test
  void whatIsNotAJsonObjectIsOnlyRelayed() {
    StreamAssembly assembly = new StreamAssembly();
    for (String chunk : List.of("[1]", "{\"a\":", "{} {}", "keep going", "")) {
      assertThat(scan(chunk, assembly, new StringBuilder())).as(chunk).isEqualTo(ChunkScan.Kind.NOT_AN_OBJECT);
    }
    assertThat(assembly.contentChars()).isZero();
  }

  @Test
  void anAnswersUsageIsReadWithoutItsTree() {
    byte[] answer = ("{\"id\":\"x\",\"choices\":[{\"message\":{\"content\":\"{\\\"usage\\\":1}\"}}],"
        + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":4}}").getBytes(StandardCharsets.UTF_8);
    AnswerScan.Result r = AnswerScan.scan(answer);
    assertThat(r.object()).isTrue();
    assertThat(r.usage()).contains(new TokenUsage(10, 4, 14, false));
    assertThat(AnswerScan.scan("{\"choices\":[]}".getBytes(StandardCharsets.UTF_8)).usage()).isEmpty();
    for (String notAnObject : List.of("[]", "{\"a\":1}x", "", "<html>")) {
      assertThat(AnswerScan.scan(notAnObject.getBytes(StandardCharsets.UTF_8)).object()).as(notAnObject).isFalse();
    }
  }
}
