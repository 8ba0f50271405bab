package org.keytriage.core.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keytriage.core.config.Secret;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.upstream.UpstreamSettings;

/** What every {@link HttpTransport} must do, run against each of them. */
class HttpTransportContractTest {
  private static final String SECRET = "nvapi-contract-0123456789abcdef";

  static Stream<Function<UpstreamSettings, HttpTransport>> transports() {
    return Stream.of(ApacheTransport::new, JdkTransport::new);
  }

  private HttpServer server;
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
  private final Map<String, String> seen = new ConcurrentHashMap<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpTransport transport;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext("/v1/chat/completions", x -> {
      clientPorts.add(x.getRemoteAddress().getPort());
      seen.put("authorization", String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
      seen.put("body", new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", "application/json");
      x.sendResponseHeaders(200, answer.length);
      x.getResponseBody().write(answer);
      x.close();
    });
    server.createContext("/v1/limited", x -> {
      x.getRequestBody().readAllBytes();
      x.getResponseHeaders().set("Retry-After", "7");
      byte[] answer = "{\"error\":{\"message\":\"slow down\"}}".getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(429, answer.length);
      x.getResponseBody().write(answer);
      x.close();
    });
    server.createContext("/v1/stalls", x -> {
      x.getRequestBody().readAllBytes();
      x.sendResponseHeaders(200, 0);
      OutputStream out = x.getResponseBody();
      out.write("data: {\"a\":1}\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      x.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    if (transport != null) {
      transport.close();
    }
    server.stop(0);
  }

  private Allocation key() {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    return (Allocation) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Allocation.class},
        (p, m, args) -> switch (m.getName()) {
          case "apiKey" -> Secret.of(SECRET);
          case "baseUrl" -> base;
          case "keyId" -> "k";
          case "toString" -> "k";
          default -> throw new UnsupportedOperationException(m.getName());
        });
  }

  @ParameterizedTest
  @MethodSource("transports")
  void aPostCarriesTheKeyAndTheBytesAndItsConnectionIsReused(Function<UpstreamSettings, HttpTransport> make)
      throws IOException {
    transport = make.apply(UpstreamSettings.builder().build());
    for (int i = 0; i < 5; i++) {
      try (Exchange x = transport.prepare(key(), "/v1/chat/completions", "{\"n\":1}".getBytes(StandardCharsets.UTF_8),
          false, Duration.ofSeconds(5))) {
        x.execute();
        assertThat(x.status()).isEqualTo(200);
        assertThat(new String(x.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
      }
    }
    assertThat(seen).containsEntry("authorization", "Bearer " + SECRET).containsEntry("body", "{\"n\":1}");
    assertThat(clientPorts).as("connections used by 5 calls").hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("transports")
  void anErrorStatusComesWithItsHeadersAndBody(Function<UpstreamSettings, HttpTransport> make) throws IOException {
    transport = make.apply(UpstreamSettings.builder().build());
    try (Exchange x = transport.prepare(key(), "/v1/limited", new byte[] {'{', '}'}, false, Duration.ofSeconds(5))) {
      x.execute();
      assertThat(x.status()).isEqualTo(429);
      assertThat(x.header("Retry-After")).contains("7");
      assertThat(new String(x.body().readAllBytes(), StandardCharsets.UTF_8)).contains("slow down");
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void anAbortFromAnotherThreadEndsABlockedRead(Function<UpstreamSettings, HttpTransport> make) throws Exception {
    transport = make.apply(UpstreamSettings.builder().build());
    try (Watchdog watchdog = new Watchdog();
        Exchange x = transport.prepare(key(), "/v1/stalls", new byte[] {'{', '}'}, true, Duration.ofSeconds(30))) {
      x.execute();
      InputStream in = x.body();
      assertThat(in.read(new byte[64])).isPositive();
      long start = System.nanoTime();
      try (Watchdog.Guard guard = watchdog.guard(x, Duration.ofMillis(200))) {
        assertThatThrownBy(() -> {
          byte[] buffer = new byte[64];
          while (in.read(buffer) >= 0) {
            // the server sends nothing more until released: only the abort ends this
          }
          throw new AssertionError("the stalled body ended without the abort");
        }).isInstanceOf(IOException.class);
        assertThat(guard.fired()).isTrue();
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }
}
