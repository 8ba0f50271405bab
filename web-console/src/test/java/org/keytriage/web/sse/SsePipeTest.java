package org.keytriage.web.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.keytriage.core.upstream.SseRelay;

class SsePipeTest {

  @Test
  void relaysInOrderAndSignalsTheFirstFrameOnce() throws Exception {
    AtomicInteger first = new AtomicInteger();
    SsePipe pipe = new SsePipe(first::incrementAndGet);
    SseRelay relay = new SseRelay(pipe.frameOutput());
    relay.onChunk("{\"a\":1}");
    relay.onChunk("{\"b\":2}");
    relay.onDone();
    pipe.end();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pipe.drainTo(out, Duration.ofSeconds(1));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("data: {\"a\":1}\n\ndata: {\"b\":2}\n\ndata: [DONE]\n\n");
    assertThat(first).hasValue(1);
  }

  @Test
  void aBrokenStreamEndsWithItsError() throws Exception {
    SsePipe pipe = new SsePipe(() -> {});
    pipe.send("data: a\n\n");
    pipe.sendError("connection lost");
    pipe.end();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pipe.drainTo(out, Duration.ofSeconds(1));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("data: a\n\ndata: {\"error\":{\"message\":\"connection lost\"")
        .doesNotContain("[DONE]");
  }

  @Test
  void silenceEndsTheStreamWithAnError() throws Exception {
    SsePipe pipe = new SsePipe(() -> {});
    pipe.send("data: a\n\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pipe.drainTo(out, Duration.ofMillis(20));
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("no data from the upstream");
    assertThatThrownBy(() -> pipe.send("data: late\n\n"))
        .as("the producer is told to stop")
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aClientThatGoesAwayStopsTheProducer() {
    SsePipe pipe = new SsePipe(() -> {});
    pipe.send("data: a\n\n");
    OutputStream gone = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("broken pipe");
      }
    };
    assertThatThrownBy(() -> pipe.drainTo(gone, Duration.ofSeconds(1))).isInstanceOf(UncheckedIOException.class);
    assertThatThrownBy(() -> pipe.send("data: b\n\n")).isInstanceOf(IllegalStateException.class);
  }
}
