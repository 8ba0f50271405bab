package org.keytriage.simulator;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

/** A small JDK HttpClient wrapper for talking to a simulator in tests. */
final class SimClient {
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI base;

  SimClient(NvidiaSimulator simulator) {
    this(simulator.baseUri());
  }

  SimClient(URI base) {
    this.base = base;
  }

  static String chatBody(String userText) {
    return "{\"model\":\"meta/llama-3.1-8b-instruct\",\"messages\":[{\"role\":\"user\",\"content\":"
        + Json.createValue(userText)
        + "}]}";
  }

  static String streamBody(String userText, boolean includeUsage) {
    return "{\"model\":\"meta/llama-3.1-8b-instruct\",\"stream\":true,"
        + "\"stream_options\":{\"include_usage\":"
        + includeUsage
        + "},"
        + "\"messages\":[{\"role\":\"user\",\"content\":"
        + Json.createValue(userText)
        + "}]}";
  }

  HttpResponse<String> chat(String apiKey, String body) {
    return post("/v1/chat/completions", apiKey, body);
  }

  HttpResponse<String> post(String path, String apiKey, String body) {
    return send(request(path, apiKey).POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  HttpResponse<String> get(String path, String apiKey) {
    return send(request(path, apiKey).GET().build());
  }

  HttpResponse<String> put(String path, String body) {
    return send(request(path, null).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  HttpResponse<Stream<String>> streamLines(String apiKey, String body) {
    HttpRequest request =
        request("/v1/chat/completions", apiKey)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofLines());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpClient http() {
    return http;
  }

  HttpRequest.Builder request(String path, String apiKey) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json");
    if (apiKey != null) {
      b.header("Authorization", "Bearer " + apiKey);
    }
    return b;
  }

  static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  static JsonObject json(HttpResponse<String> response) {
    return json(response.body());
  }
}
