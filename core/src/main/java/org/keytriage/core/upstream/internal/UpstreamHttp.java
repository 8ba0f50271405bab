package org.keytriage.core.upstream.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.upstream.UpstreamSettings;

/**
 * The gateway's one JDK {@link HttpClient}: pooled connections, the connect timeout, HTTP/2 over
 * TLS with fallback to HTTP/1.1, redirects not followed (an API that redirects is misconfigured,
 * and the {@code Authorization} header must not follow it elsewhere). Its threads are daemons of
 * its own pool, stopped by {@link #close()}.
 */
final class UpstreamHttp implements AutoCloseable {
  private final HttpClient client;
  private final ExecutorService executor;
  private final boolean preferHttp2;

  UpstreamHttp(UpstreamSettings settings) {
    this.executor = Executors.newCachedThreadPool(new DaemonThreads());
    this.preferHttp2 = settings.preferHttp2();
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .version(preferHttp2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor)
            .build();
  }

  /** The request for one attempt, authorised with the allocation's key: a POST of {@code json}, or a GET when it is null. */
  HttpRequest request(Allocation a, String path, byte[] json, boolean stream, Duration timeout) {
    URI uri = uri(a.baseUrl(), path);
    return HttpRequest.newBuilder(uri)
        // cleartext h2c needs an upgrade round trip that few NIM containers support
        .version(preferHttp2 && "https".equalsIgnoreCase(uri.getScheme())
            ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .timeout(timeout)
        .header("Authorization", "Bearer " + a.apiKey().reveal())
        .header("Content-Type", "application/json")
        .header("Accept", stream ? "text/event-stream" : "application/json")
        .method(json == null ? "GET" : "POST",
            json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(json))
        .build();
  }

  <T> CompletableFuture<HttpResponse<T>> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return client.sendAsync(request, handler);
  }

  /**
   * The key's base URL joined with the request path. A base URL given with the {@code /v1} suffix
   * (as NVIDIA's docs show it) is not doubled when the path starts with {@code /v1/}.
   */
  static URI uri(String baseUrl, String path) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    if (base.endsWith("/v1") && path.startsWith("/v1/")) {
      base = base.substring(0, base.length() - 3);
    }
    return URI.create(base + path);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private static final class DaemonThreads implements ThreadFactory {
    private static final AtomicInteger POOLS = new AtomicInteger();
    private final int pool = POOLS.incrementAndGet();
    private final AtomicInteger threads = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "keytriage-upstream-" + pool + "-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
