package org.keytriage.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keytriage.core.json.JsonTrees;
import org.keytriage.spi.UpstreamRequest;

class RelayedBodyTest {
  private static final String PATH = "/v1/chat/completions";

  private static RelayedBody read(String json) {
    return RelayedBody.read(PATH, json.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> tree(byte[] json) {
    @SuppressWarnings("unchecked")
    Map<String, Object> t = (Map<String, Object>) JsonTrees.parse(new String(json, StandardCharsets.UTF_8));
    return t;
  }

  @Test
  void theRoutingFactsAreReadAndTheRestOnlySkipped() {
    BodyFacts f = read(" {\"temperature\":0.2,\"model\":\"meta/llama\",\"tools\":[{\"a\":{\"b\":[1,{}]}}],"
        + "\"messages\":[{\"role\":\"system\",\"content\":\"12345\"},{\"role\":\"user\",\"content\":"
        + "[{\"type\":\"text\",\"text\":\"1234\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"x\"}},\"ab\"]},7],"
        + "\"max_tokens\":100,\"stream\":false}").facts();
    assertThat(f.model()).isEqualTo("meta/llama");
    assertThat(f.messages()).isEqualTo(3);
    assertThat(f.stream()).isFalse();
    assertThat(f.streamNotBoolean()).isFalse();
    // (ceil(5/4)+4) + (ceil(6/4)+4) + (0+4)
    assertThat(f.promptTokens()).isEqualTo(6 + 6 + 4);
    assertThat(f.maxTokens()).isEqualTo(100);
    assertThat(f.openingBrace()).isEqualTo(1);
  }

  @Test
  void missingOrMistypedFieldsAreReportedForTheEdgeToRefuse() {
    BodyFacts f = read("{\"model\":7,\"messages\":{},\"stream\":\"yes\",\"max_tokens\":-3,\"max_completion_tokens\":12}").facts();
    assertThat(f.model()).isNull();
    assertThat(f.messages()).isEqualTo(-1);
    assertThat(f.stream()).isNull();
    assertThat(f.streamNotBoolean()).isTrue();
    assertThat(f.maxTokens()).isEqualTo(12);
    assertThat(read("{\"max_tokens\":1e999999999}").facts().maxTokens()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aCompletionIsSentAsTheCallersBytesUnlessItMustChange() {
    String plain = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":false}";
    RelayedBody body = read(plain);
    assertThat(body.forCompletion()).isEqualTo(plain.getBytes(StandardCharsets.UTF_8));
    Map<String, Object> rewritten =
        tree(read("{\"model\":\"m\",\"user\":null,\"stream\":true,\"stream_options\":{\"include_usage\":true}}").forCompletion());
    assertThat(rewritten).containsOnlyKeys("model");
  }

  @Test
  void aStreamGetsIncludeUsageSplicedInOrRewritten() {
    RelayedBody usual = read("\n{ \"model\":\"m\",\"stream\":true}");
    assertThat(new String(usual.forStreaming(), StandardCharsets.UTF_8))
        .isEqualTo("\n{\"stream_options\":{\"include_usage\":true}, \"model\":\"m\",\"stream\":true}");
    assertThat(usual.callerWantsUsage()).isFalse();

    String askedText = "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}";
    RelayedBody asked = read(askedText);
    assertThat(asked.forStreaming()).isEqualTo(askedText.getBytes(StandardCharsets.UTF_8));
    assertThat(asked.callerWantsUsage()).isTrue();

    Map<String, Object> other = tree(read("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"other\":1}}").forStreaming());
    assertThat(other.get("stream_options")).isEqualTo(Map.of("other", java.math.BigDecimal.ONE, "include_usage", true));
    Map<String, Object> notAsked = tree(read("{\"model\":\"m\",\"temperature\":null}").forStreaming());
    assertThat(notAsked).containsEntry("stream", true).doesNotContainKey("temperature");
  }

  @Test
  void aHandlersTreeIsWrittenOnceAndReadTheSameWay() {
    RelayedBody body = RelayedBody.of(new UpstreamRequest(PATH, "m",
        Map.of("model", "m", "messages", List.of(Map.of("role", "user", "content", "1234")), "max_tokens", 9), false));
    assertThat(body.model()).isEqualTo("m");
    assertThat(body.facts().promptTokens()).isEqualTo(5);
    assertThat(body.facts().maxTokens()).isEqualTo(9);
  }

  @Test
  void whatIsNotOneJsonObjectIsRefusedNamingThePositionOnly() {
    assertThatThrownBy(() -> read("{\"model\": \"secret patient name\", \"messages\": ["))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("The request body is not valid JSON")
        .hasMessageNotContaining("patient");
    assertThatThrownBy(() -> read("[1, 2]")).hasMessage("The request body must be a JSON object, not an array.");
    assertThatThrownBy(() -> read("{} {}")).hasMessageStartingWith("The request body is not valid JSON");
    assertThatThrownBy(() -> read("")).hasMessageContaining("empty");
    assertThat(RelayedBody.read(PATH, "{}".getBytes(StandardCharsets.UTF_8)).toString()).doesNotContain("{}");
  }
}
