package org.keytriage.core.upstream.internal;

import org.keytriage.core.json.JsonTrees;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestShapingTest {
  @Test
  void streamingForcesStreamAndUsageKeepingOtherOptions() {
    Map<String, Object> body =
        RequestBodies.forStreaming(Map.of("model", "m", "stream_options", Map.of("other", 1)));
    assertThat(body).containsEntry("stream", true).containsEntry("model", "m");
    assertThat(body.get("stream_options")).isEqualTo(Map.of("other", 1, "include_usage", true));
    assertThat(RequestBodies.callerWantsUsage(Map.of("stream_options", Map.of("other", 1)))).isFalse();
  }

  @Test
  void completionDropsStreamFlags() {
    assertThat(RequestBodies.forCompletion(Map.of("model", "m", "stream", true, "stream_options", Map.of())))
        .containsOnlyKeys("model");
  }

  @Test
  void baseUrlsJoinWithoutDoubledSlashesOrV1() {
    assertThat(UpstreamHttp.uri("https://integrate.api.nvidia.com", "/v1/chat/completions"))
        .hasToString("https://integrate.api.nvidia.com/v1/chat/completions");
    assertThat(UpstreamHttp.uri("https://integrate.api.nvidia.com/v1/", "/v1/chat/completions"))
        .hasToString("https://integrate.api.nvidia.com/v1/chat/completions");
    assertThat(UpstreamHttp.uri("http://nim.local:8000", "/v1/embeddings"))
        .hasToString("http://nim.local:8000/v1/embeddings");
  }

  @Test
  void jsonTreesRoundTrip() {
    Object tree = JsonTrees.parse("{\"a\":[1,2.5,\"x\",true,null],\"b\":{\"c\":9007199254740993}}");
    assertThat(JsonTrees.write(tree)).isEqualTo("{\"a\":[1,2.5,\"x\",true,null],\"b\":{\"c\":9007199254740993}}");
    assertThat(JsonTrees.parseObject("[1]")).isEmpty();
    assertThat(JsonTrees.parseObject("not json")).isEmpty();
  }
}
