package org.keytriage.core.upstream.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.upstream.UpstreamSettings;

/**
 * Apache HttpClient 5's blocking client: the call runs on the calling thread from the request to
 * the last byte, with no hand-over to another thread, which on the server's path costs a fifth of
 * the JDK HttpClient's CPU per call (benchmarks/client-load.sh). HTTP/1.1 with keep-alive, one
 * pool of connections per base URL (route), a connection idle for two seconds checked before it is
 * reused (an upstream that closed it is not a failed call) and idle ones closed after 30 s;
 * redirects, retries, cookies and compression off: the failover loop decides what to retry, and
 * the {@code Authorization} header must not follow a redirect elsewhere.
 */
final class ApacheTransport implements HttpTransport {
  /** Connections to one base URL: above the server's request threads, so a call never waits for one. */
  static final int MAX_PER_ROUTE = 1000;

  private final PoolingHttpClientConnectionManager pool;
  private final CloseableHttpClient client;

  ApacheTransport(UpstreamSettings settings) {
    Timeout connect = Timeout.of(settings.connectTimeout());
    this.pool = PoolingHttpClientConnectionManagerBuilder.create()
        .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
        .setMaxConnTotal(MAX_PER_ROUTE * 4)
        .setMaxConnPerRoute(MAX_PER_ROUTE)
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(connect)
            .setValidateAfterInactivity(TimeValue.ofSeconds(2))
            .build())
        .build();
    this.client = HttpClients.custom()
        .setConnectionManager(pool)
        .evictIdleConnections(TimeValue.ofSeconds(30))
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableContentCompression()
        .setUserAgent("KeyTriage")
        .build();
  }

  @Override
  public Exchange prepare(Allocation a, String path, byte[] json, boolean stream, Duration timeout) {
    URI uri = UpstreamHttp.uri(a.baseUrl(), path);
    String scheme = uri.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException("not an http(s) URL: " + uri.getScheme() + "://" + uri.getHost());
    }
    HttpUriRequestBase request = json == null ? new HttpGet(uri) : new HttpPost(uri);
    request.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timeout)).build());
    request.setHeader("Authorization", "Bearer " + a.apiKey().reveal());
    request.setHeader("Accept", stream ? "text/event-stream" : "application/json");
    if (json != null) {
      request.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
    }
    return new ApacheExchange(client, request);
  }

  @Override
  public void close() {
    client.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
    pool.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
  }

  private static final class ApacheExchange implements Exchange {
    private final CloseableHttpClient client;
    private final HttpUriRequestBase request;
    private CloseableHttpResponse response;

    ApacheExchange(CloseableHttpClient client, HttpUriRequestBase request) {
      this.client = client;
      this.request = request;
    }

    @Override
    @SuppressWarnings("deprecation") // execute(request) returning the open response is what a relay needs
    public void execute() throws IOException {
      response = client.execute(request);
    }

    @Override
    public int status() {
      return response.getCode();
    }

    @Override
    public Optional<String> header(String name) {
      Header h = response.getFirstHeader(name);
      return h == null ? Optional.empty() : Optional.ofNullable(h.getValue());
    }

    @Override
    public InputStream body() throws IOException {
      HttpEntity entity = response.getEntity();
      return entity == null ? InputStream.nullInputStream() : entity.getContent();
    }

    @Override
    public void abort() {
      request.cancel();
    }

    @Override
    public void close() {
      if (response == null) {
        return;
      }
      try {
        // read to the end (usually nothing left) so the connection goes back to the pool
        EntityUtils.consume(response.getEntity());
      } catch (IOException | RuntimeException e) {
        // aborted or broken: the connection is discarded instead
      }
      try {
        response.close();
      } catch (IOException e) {
        // nothing more to release
      }
    }
  }
}
