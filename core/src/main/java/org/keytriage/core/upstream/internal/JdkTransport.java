package org.keytriage.core.upstream.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.upstream.UpstreamSettings;

/**
 * The JDK's {@link HttpClient}, for HTTP/2 over TLS where the upstream offers it (with fallback to
 * HTTP/1.1); cleartext is always HTTP/1.1, since h2c needs an upgrade round trip few NIM containers
 * support. Called with {@code send} on the calling thread: {@code sendAsync} would hand each
 * completion to CompletableFuture's default executor, which with fewer than two CPUs starts a
 * thread per call. Redirects are not followed. Its threads are daemons of its own pool.
 */
final class JdkTransport implements HttpTransport {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final HttpClient client;
  private final ExecutorService executor;

  JdkTransport(UpstreamSettings settings) {
    int pool = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "keytriage-upstream-" + pool + "-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.client = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .version(HttpClient.Version.HTTP_2)
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(executor)
        .build();
  }

  @Override
  public Exchange prepare(Allocation a, String path, byte[] json, boolean stream, Duration timeout) {
    URI uri = UpstreamHttp.uri(a.baseUrl(), path);
    HttpRequest request = HttpRequest.newBuilder(uri)
        .version("https".equalsIgnoreCase(uri.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .timeout(timeout)
        .header("Authorization", "Bearer " + a.apiKey().reveal())
        .header("Content-Type", "application/json")
        .header("Accept", stream ? "text/event-stream" : "application/json")
        .method(json == null ? "GET" : "POST",
            json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(json))
        .build();
    return new JdkExchange(client, request);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private static final class JdkExchange implements Exchange {
    private final HttpClient client;
    private final HttpRequest request;
    private volatile HttpResponse<InputStream> response;
    private volatile boolean aborted;

    JdkExchange(HttpClient client, HttpRequest request) {
      this.client = client;
      this.request = request;
    }

    @Override
    public void execute() throws IOException {
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted");
      }
      if (aborted) {
        abort();
      }
    }

    @Override
    public int status() {
      return response.statusCode();
    }

    @Override
    public Optional<String> header(String name) {
      return response.headers().firstValue(name);
    }

    @Override
    public InputStream body() {
      return response.body();
    }

    @Override
    public void abort() {
      aborted = true;
      HttpResponse<InputStream> r = response;
      if (r != null) {
        try {
          r.body().close(); // the JDK closes the connection of a body not read to its end
        } catch (IOException e) {
          // already closed
        }
      }
    }

    @Override
    public void close() {
      HttpResponse<InputStream> r = response;
      if (r != null) {
        try (InputStream in = r.body()) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
          // aborted or broken: nothing to give back
        }
      }
    }
  }
}
