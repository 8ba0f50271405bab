package org.keytriage.core.upstream.internal;

import java.net.URI;
import java.time.Duration;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.upstream.UpstreamSettings;

/**
 * The gateway's one HTTP client and its deadline watchdog: Apache HttpClient 5's blocking client
 * by default ({@link ApacheTransport}), the JDK's when HTTP/2 is preferred ({@link JdkTransport}).
 * Either runs each call on the calling thread. Close it to stop the client's threads.
 */
final class UpstreamHttp implements AutoCloseable {
  private final HttpTransport transport;
  private final Watchdog watchdog = new Watchdog();

  UpstreamHttp(UpstreamSettings settings) {
    this.transport = settings.preferHttp2() ? new JdkTransport(settings) : new ApacheTransport(settings);
  }

  /** The exchange of one attempt; see {@link HttpTransport#prepare}. */
  Exchange prepare(Allocation a, String path, byte[] json, boolean stream, Duration timeout) {
    return transport.prepare(a, path, json, stream, timeout);
  }

  /** Aborts {@code exchange} after {@code after} unless the guard is closed first. */
  Watchdog.Guard guard(Exchange exchange, Duration after) {
    return watchdog.guard(exchange, after);
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
    watchdog.close();
    transport.close();
  }
}
