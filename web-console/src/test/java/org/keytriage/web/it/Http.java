package org.keytriage.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP/1.1 client for the deployment at 127.0.0.1. */
final class Http {
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  /** @param base e.g. {@code http://127.0.0.1:8123}, no trailing slash */
  Http(String base) {
    this.base = base;
  }

  String base() {
    return base;
  }

  HttpResponse<String> get(String path, Caller caller) {
    return send(request(path, caller, Map.of()).GET().build());
  }

  HttpResponse<String> get(String path, Caller caller, Map<String, String> headers) {
    return send(request(path, caller, headers).GET().build());
  }

  HttpResponse<String> send(String method, String path, Caller caller, String contentType, String body,
      Map<String, String> headers) {
    HttpRequest.Builder b = request(path, caller, headers);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return send(b.build());
  }

  HttpResponse<String> postJson(String path, Caller caller, String body, Map<String, String> headers) {
    return send("POST", path, caller, "application/json", body, headers);
  }

  HttpRequest.Builder request(String path, Caller caller, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (caller.authorization() != null) {
      b.header("Authorization", caller.authorization());
    }
    headers.forEach(b::header);
    return b;
  }

  <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return client.send(request, handler);
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    return send(request, HttpResponse.BodyHandlers.ofString());
  }
}
