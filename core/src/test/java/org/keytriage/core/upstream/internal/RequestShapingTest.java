package org.keytriage.core.upstream.internal;

import org.keytriage.core.json.JsonTrees;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestShapingTest {
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
