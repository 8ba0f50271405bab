package org.keytriage.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keytriage.core.accounting.KeyMetrics;
import org.keytriage.core.gateway.Call;
import org.keytriage.core.json.JsonTrees;
import org.keytriage.simulator.KeyBehaviour;
import org.keytriage.simulator.WitnessEntry;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.UpstreamRequest;

class StreamingTest {
  private SimulatedUpstream up;

  @AfterEach
  void close() {
    if (up != null) {
      up.close();
    }
  }

  /** Records what the gateway relays, with arrival times, and passes it on. */
  static final class Recorder implements StreamListener {
    final List<String> chunks = new ArrayList<>();
    final List<Long> arrivals = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    boolean done;
    private final StreamListener next;

    Recorder(StreamListener next) {
      this.next = next;
    }

    Recorder() {
      this(json -> {});
    }

    @Override
    public void onChunk(String json) {
      chunks.add(json);
      arrivals.add(System.nanoTime());
      next.onChunk(json);
    }

    @Override
    public void onDone() {
      done = true;
      next.onDone();
    }

    @Override
    public void onError(String message) {
      errors.add(message);
      next.onError(message);
    }

    /** The {@code delta.content} of every chunk, joined. */
    @SuppressWarnings("unchecked")
    String content() {
      StringBuilder b = new StringBuilder();
      for (String c : chunks) {
        Map<String, Object> chunk = (Map<String, Object>) JsonTrees.parse(c);
        for (Object choice : (List<Object>) chunk.get("choices")) {
          Object delta = ((Map<String, Object>) choice).get("delta");
          if (delta instanceof Map<?, ?> d && d.get("content") instanceof String s) {
            b.append(s);
          }
        }
      }
      return b.toString();
    }
  }

  private GatewayResponse stream(UpstreamRequest request, StreamListener listener) {
    return up.gateway.stream(Call.of(SimulatedUpstream.TASK, request, RoutingHints.DEFAULT), listener);
  }

  @Test
  @SuppressWarnings("unchecked")
  void tokensAndCostBookedForAStreamEqualTheSimulatorsUsage() {
    up = new SimulatedUpstream().key("streamer", 1, KeyBehaviour.defaults(), b -> b.costPerToken(0.001)).start();
    Recorder listener = new Recorder();

    GatewayResponse r = stream(SimulatedUpstream.chat("Describe the MRI findings briefly.", 48), listener);

    WitnessEntry seen = up.simulator.witness().entries("streamer").get(0);
    assertThat(r.tokens().counted()).isFalse();
    assertThat(r.tokens().total()).isEqualTo(seen.tokens());
    assertThat(r.cost()).isCloseTo(seen.tokens() * 0.001, offset(1e-12));
    KeyMetrics m = up.keyTriage.metrics().keyMetrics().get("streamer");
    assertThat(m.totalTokens()).isEqualTo(seen.tokens());
    assertThat(m.totalCost()).isCloseTo(seen.tokens() * 0.001, offset(1e-12));
    assertThat(up.keyTriage.metrics().taskMetrics().get(SimulatedUpstream.TASK).totalCost())
        .isCloseTo(seen.tokens() * 0.001, offset(1e-12));
    assertThat(up.keyTriage.ledger().usage("streamer").tokens()).isEqualTo(seen.tokens());

    assertThat(listener.done).isTrue();
    assertThat(listener.errors).isEmpty();
    assertThat(listener.chunks).hasSizeGreaterThan(2)
        .as("the usage chunk the gateway asked for is not passed to a caller who did not")
        .noneMatch(c -> c.contains("\"choices\":[]"));
    Map<String, Object> message =
        (Map<String, Object>) ((Map<String, Object>) ((List<Object>) r.body().get("choices")).get(0)).get("message");
    assertThat(message.get("content")).isEqualTo(listener.content()).asString().isNotEmpty();
    assertThat(((Map<String, Object>) r.body().get("usage")).get("total_tokens"))
        .isEqualTo(BigDecimal.valueOf(seen.tokens()));
  }

  @Test
  void aCallerWhoAskedForUsageGetsTheUsageChunk() {
    up = new SimulatedUpstream().key("streamer", 1, KeyBehaviour.defaults()).start();
    Map<String, Object> body = new LinkedHashMap<>(SimulatedUpstream.chat("hi", 16).body());
    body.put("stream_options", Map.of("include_usage", true));
    Recorder listener = new Recorder();

    stream(new UpstreamRequest("/v1/chat/completions", "m", body, true), listener);

    assertThat(listener.chunks.get(listener.chunks.size() - 1)).contains("\"usage\"", "\"choices\":[]");
  }

  @Test
  void chunksReachTheListenerAsTheyArriveAndALongStreamOutlivesTheAttemptTimeout() {
    up = new SimulatedUpstream()
        .key("slow-stream", 1, KeyBehaviour.builder().streamChunkDelayMs(60).build())
        .settings(UpstreamSettings.builder()
            .attemptTimeout(java.time.Duration.ofMillis(200)) // until the first chunk
            .requestDeadline(java.time.Duration.ofSeconds(10))
            .build())
        .start();
    Recorder listener = new Recorder();

    long start = System.nanoTime();
    GatewayResponse r = stream(SimulatedUpstream.chat("Explain.", 6), listener);
    long returned = System.nanoTime();

    assertThat(r.attempts()).isEqualTo(1);
    assertThat(listener.done).isTrue();
    assertThat((returned - start) / 1_000_000).as("longer than one attempt timeout").isGreaterThan(200);
    assertThat(listener.chunks).hasSizeGreaterThanOrEqualTo(5);
    long firstBeforeEndMs = (returned - listener.arrivals.get(0)) / 1_000_000;
    assertThat(firstBeforeEndMs).isGreaterThanOrEqualTo(200);
  }

  @Test
  void aBrokenStreamEndsWithAnErrorEventNeverASilentTruncation() {
    up = new SimulatedUpstream()
        .key("breaker", 5, KeyBehaviour.builder().breakStreamAfterChunks(3).build(), b -> b.costPerToken(0.001))
        .key("steady", 1, KeyBehaviour.defaults())
        .start();
    ByteArrayOutputStream sse = new ByteArrayOutputStream();
    Recorder listener = new Recorder(new SseRelay(sse));

    assertThatThrownBy(() -> stream(SimulatedUpstream.chat("Summarise the ward round.", 64), listener))
        .isInstanceOfSatisfying(StreamBrokenException.class, e -> {
          assertThat(e.partial().keyId()).isEqualTo("breaker");
          assertThat(e.partial().attempts()).isEqualTo(1);
          assertThat(e.partial().tokens().counted()).isTrue();
          long prompt = e.partial().tokens().prompt();
          long completion = (listener.content().length() + 3) / 4;
          assertThat(e.partial().tokens().total()).isEqualTo(prompt + completion);
          // what streamed so far is booked against the key
          KeyMetrics m = up.keyTriage.metrics().keyMetrics().get("breaker");
          assertThat(m.totalTokens()).isEqualTo(prompt + completion);
          assertThat(m.totalCost()).isCloseTo((prompt + completion) * 0.001, offset(1e-12));
        });

    assertThat(listener.chunks).hasSize(3);
    assertThat(listener.done).isFalse();
    assertThat(listener.errors).singleElement().asString().contains("broke");
    String written = sse.toString(StandardCharsets.UTF_8);
    String[] events = written.split("\n\n");
    assertThat(events[events.length - 1]).startsWith("data: {\"error\":{");
    assertThat(written).doesNotContain("[DONE]");
    assertThat(up.calls("steady")).as("no failover once chunks went out").isZero();
    assertThat(up.keyTriage.state("breaker").circuit().recentFailureMillis()).hasSize(1);
  }

  @Test
  void aStreamThatFailsBeforeItsFirstChunkFailsOverLikeAnyCall() {
    up = new SimulatedUpstream()
        .key("faulty", 5, KeyBehaviour.builder().errorRate(1.0).build())
        .key("steady", 1, KeyBehaviour.defaults())
        .start();
    Recorder listener = new Recorder();

    GatewayResponse r = stream(SimulatedUpstream.chat("hi", 16), listener);

    assertThat(r.keyId()).isEqualTo("steady");
    assertThat(r.attempts()).isEqualTo(2);
    assertThat(listener.errors).isEmpty();
    assertThat(listener.done).isTrue();
  }
}
