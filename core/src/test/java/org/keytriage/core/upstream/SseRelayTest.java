package org.keytriage.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keytriage.core.json.JsonTrees;

class SseRelayTest {
  @Test
  void chunksThenDoneAsServerSentEvents() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SseRelay relay = new SseRelay(out);

    relay.onChunk("{\"a\":1}");
    relay.onDone();

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("data: {\"a\":1}\n\ndata: [DONE]\n\n");
  }

  @Test
  void aBrokenStreamEndsWithAnOpenAiErrorEventAndNoDone() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SseRelay(out).onError("connection lost");

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("data: {\"error\":{\"message\":"
        + "\"connection lost\",\"type\":\"upstream_stream_error\",\"code\":502}}\n\n");
  }

  @Test
  void theErrorMessageIsEscapedSoTheEventStaysOneJsonLine() {
    String message = "quote \" backslash \\ newline \n return \r tab \t nul \u0000 unit \u001f é";

    String chunk = SseRelay.errorChunk(message);

    assertThat(chunk).doesNotContain("\n", "\r", "\u0000", "\u001f");
    Map<?, ?> error = (Map<?, ?>) ((Map<?, ?>) JsonTrees.parse(chunk)).get("error");
    assertThat(error.get("message")).isEqualTo(message);
    assertThat(error.get("type")).isEqualTo("upstream_stream_error");
    assertThat(error.get("code")).isEqualTo(BigDecimal.valueOf(502));
  }
}
