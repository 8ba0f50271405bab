package org.keytriage.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.gateway.Call;
import org.keytriage.spi.RoutingHints;

/**
 * A stream read to its {@code [DONE]} gives its connection back: the next stream reuses it. A
 * relay that stops reading at {@code [DONE]} leaves the chunked terminator unread, so the
 * connection can never return to the pool and every stream opens a new one, until the upstream
 * runs out of patience with the idle ones.
 */
class StreamConnectionReuseTest {
  private HttpServer server;
  private KeyTriage keyTriage;

  @AfterEach
  void stop() {
    if (keyTriage != null) {
      keyTriage.close();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void sequentialStreamsShareOneConnection() throws Exception {
    Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/chat/completions", exchange -> {
      clientPorts.add(exchange.getRemoteAddress().getPort());
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0); // chunked
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"}}]}\n\n"
            + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}\n\n"
            + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
      }
    });
    server.start();
    String task = SimulatedUpstream.TASK;
    keyTriage = KeyTriage.builder(KeyTriageConfig.builder()
        .addKey(ApiKeyConfig.builder("only").apiKey("nvapi-reuse-test-0123456789abcdef")
            .baseUrl("http://127.0.0.1:" + server.getAddress().getPort()).maxRpm(1000).maxTpm(1_000_000)
            .taskTypes(task).build())
        .build()).build();

    for (int i = 0; i < 20; i++) {
      StreamingTest.Recorder listener = new StreamingTest.Recorder();
      GatewayResponse r = keyTriage.gateway().stream(
          Call.of(task, SimulatedUpstream.chat("hi " + i), RoutingHints.DEFAULT), listener);
      assertThat(listener.done).isTrue();
      assertThat(r.tokens().total()).isEqualTo(4);
    }
    assertThat(clientPorts).as("connections the 20 streams used").hasSize(1);
  }
}
