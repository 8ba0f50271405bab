package org.keytriage.web.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.keytriage.core.upstream.StreamListener;

class ChunkPipeTest {

  private static final class Recorder implements StreamListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void onChunk(String json) {
      events.add(json);
    }

    @Override
    public void onDone() {
      events.add("[DONE]");
    }

    @Override
    public void onError(String message) {
      events.add("error: " + message);
    }
  }

  @Test
  void relaysInOrderAndSignalsTheFirstEventOnce() throws Exception {
    AtomicInteger first = new AtomicInteger();
    ChunkPipe pipe = new ChunkPipe(first::incrementAndGet);
    pipe.onChunk("a");
    pipe.onChunk("b");
    pipe.onDone();
    pipe.end();
    Recorder out = new Recorder();
    pipe.drainTo(out, Duration.ofSeconds(1));
    assertThat(out.events).containsExactly("a", "b", "[DONE]");
    assertThat(first).hasValue(1);
  }

  @Test
  void aBrokenStreamEndsWithItsError() throws Exception {
    ChunkPipe pipe = new ChunkPipe(() -> {});
    pipe.onChunk("a");
    pipe.onError("connection lost");
    Recorder out = new Recorder();
    pipe.drainTo(out, Duration.ofSeconds(1));
    assertThat(out.events).containsExactly("a", "error: connection lost");
  }

  @Test
  void silenceEndsTheStreamWithAnError() throws Exception {
    ChunkPipe pipe = new ChunkPipe(() -> {});
    pipe.onChunk("a");
    Recorder out = new Recorder();
    pipe.drainTo(out, Duration.ofMillis(20));
    assertThat(out.events).hasSize(2).last().asString().startsWith("error: no data from the upstream");
    assertThatThrownBy(() -> pipe.onChunk("late")).as("the upstream is told to stop").isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aClientThatGoesAwayStopsTheUpstream() {
    ChunkPipe pipe = new ChunkPipe(() -> {});
    pipe.onChunk("a");
    StreamListener gone = json -> {
      throw new java.io.UncheckedIOException(new java.io.IOException("broken pipe"));
    };
    assertThatThrownBy(() -> pipe.drainTo(gone, Duration.ofSeconds(1))).isInstanceOf(java.io.UncheckedIOException.class);
    assertThatThrownBy(() -> pipe.onChunk("b")).isInstanceOf(IllegalStateException.class);
  }
}
