package org.keytriage.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamingTest {
  private static final String KEY = "sim-stream-test-key-01";

  private NvidiaSimulator simulator;

  @AfterEach
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  private SimClient start(KeyBehaviour behaviour) {
    simulator =
        NvidiaSimulator.start(SimulatorConfig.of(Scenario.builder().key(KEY, behaviour).build()));
    return new SimClient(simulator);
  }

  @Test
  void streamsChunksThenUsageThenDone() {
    SimClient client = start(KeyBehaviour.builder().label("stream").build());

    HttpResponse<Stream<String>> response =
        client.streamLines(KEY, SimClient.streamBody("Hello there, how are you?", true));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    List<String> data;
    try (Stream<String> lines = response.body()) {
      data = lines.filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
    }
    assertThat(data).last().isEqualTo("[DONE]");
    List<JsonObject> chunks =
        data.subList(0, data.size() - 1).stream().map(SimClient::json).toList();
    assertThat(chunks)
        .allSatisfy(c -> assertThat(c.getString("object")).isEqualTo("chat.completion.chunk"));

    StringBuilder content = new StringBuilder();
    for (JsonObject chunk : chunks) {
      if (!chunk.getJsonArray("choices").isEmpty()) {
        JsonObject delta = chunk.getJsonArray("choices").getJsonObject(0).getJsonObject("delta");
        content.append(delta.getString("content", ""));
      }
    }
    assertThat(content.toString().split(" ")).hasSize(27);

    JsonObject usageChunk = chunks.get(chunks.size() - 1);
    assertThat(usageChunk.getJsonArray("choices")).isEmpty();
    assertThat(usageChunk.getJsonObject("usage").getInt("prompt_tokens")).isEqualTo(11);
    assertThat(usageChunk.getJsonObject("usage").getInt("completion_tokens")).isEqualTo(27);
    assertThat(usageChunk.getJsonObject("usage").getInt("total_tokens")).isEqualTo(38);
    JsonObject finish = chunks.get(chunks.size() - 2);
    assertThat(finish.getJsonArray("choices").getJsonObject(0).getString("finish_reason"))
        .isEqualTo("stop");
  }

  @Test
  void withoutIncludeUsageThereIsNoUsageChunk() {
    SimClient client = start(KeyBehaviour.defaults());

    List<String> data;
    try (Stream<String> lines = client.streamLines(KEY, SimClient.streamBody("hi", false)).body()) {
      data = lines.filter(l -> l.startsWith("data: ")).toList();
    }
    assertThat(data).last().isEqualTo("data: [DONE]");
    assertThat(data).noneMatch(l -> l.contains("\"usage\""));
  }

  @Test
  void chunksArriveAsTheyAreWritten() {
    // 40 ms between events and about 30 events: if the server buffered the body, the first line
    // could not arrive long before the last.
    SimClient client = start(KeyBehaviour.builder().streamChunkDelayMs(40).build());

    HttpResponse<Stream<String>> response =
        client.streamLines(KEY, SimClient.streamBody("Hello there, how are you?", true));
    List<Long> arrivals = new ArrayList<>();
    try (Stream<String> lines = response.body()) {
      lines.filter(l -> l.startsWith("data: ")).forEach(l -> arrivals.add(System.nanoTime()));
    }
    assertThat(arrivals).hasSizeGreaterThan(20);
    long spreadMs = (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1_000_000;
    assertThat(spreadMs).isGreaterThanOrEqualTo(500);
  }

  @Test
  void brokenStreamEndsWithoutDone() throws Exception {
    SimClient client =
        start(KeyBehaviour.builder().label("broken").breakStreamAfterChunks(3).build());

    LineCollector lines =
        LineCollector.send(client, SimClient.streamBody("Hello there, how are you?", true));

    assertThat(lines.status.get(10, TimeUnit.SECONDS)).isEqualTo(200);
    // Lines are pushed as they arrive, so those sent before the drop are all seen.
    assertThat(lines.outcome.get(10, TimeUnit.SECONDS))
        .as("the client saw the connection drop")
        .isInstanceOf(IOException.class);
    assertThat(lines.data()).hasSize(3).noneMatch(l -> l.contains("[DONE]"));
    assertThat(simulator.witness().entries("broken"))
        .singleElement()
        .extracting(WitnessEntry::status)
        .isEqualTo(200);
  }

  @Test
  void breakCountBeyondTheStreamStillWithholdsDone() throws Exception {
    SimClient client = start(KeyBehaviour.builder().breakStreamAfterChunks(10_000).build());

    LineCollector lines = LineCollector.send(client, SimClient.streamBody("hi", false));

    assertThat(lines.outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
    // role chunk + 21 words + finish chunk, and no [DONE]
    assertThat(lines.data()).hasSize(23).noneMatch(l -> l.contains("[DONE]"));
  }

  /** Collects lines as pushed; completes with the error, or with null at a clean end. */
  private static final class LineCollector implements Flow.Subscriber<String> {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    final CompletableFuture<Integer> status = new CompletableFuture<>();

    /** Streams a chat request; the send itself fails when the body does, so it is not awaited. */
    static LineCollector send(SimClient client, String body) {
      LineCollector collector = new LineCollector();
      HttpRequest request =
          client
              .request("/v1/chat/completions", KEY)
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      client
          .http()
          .sendAsync(
              request,
              info -> {
                collector.status.complete(info.statusCode());
                return HttpResponse.BodySubscribers.fromLineSubscriber(collector);
              });
      return collector;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      lines.add(line);
    }

    @Override
    public void onError(Throwable error) {
      outcome.complete(error);
    }

    @Override
    public void onComplete() {
      outcome.complete(null);
    }

    List<String> data() {
      return lines.stream().filter(l -> l.startsWith("data: ")).toList();
    }
  }

  @Test
  void errorsComeAsJsonBeforeAnyStream() {
    SimClient client =
        start(KeyBehaviour.builder().errorRate(1.0).errorStatuses(List.of(503)).build());

    HttpResponse<String> response = client.chat(KEY, SimClient.streamBody("hi", true));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(SimClient.json(response).getJsonObject("error").getInt("code")).isEqualTo(503);
  }
}
