package org.keytriage.dist.server;

import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;

/** Talks to the running KeyTriage over HTTP, as an integrator and as an operator. */
final class ServerClient {
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String integratorToken;
  private final String operatorAuthorization;

  ServerClient(String base, String integratorToken, String operator, String password) {
    this.base = base;
    this.integratorToken = integratorToken;
    this.operatorAuthorization = "Basic " + Base64.getEncoder()
        .encodeToString((operator + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  String base() {
    return base;
  }

  /** Whether {@code /health/ready} answers 200. */
  boolean ready() {
    try {
      HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready"))
          .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A non-streaming chat completion; the response as it came. */
  HttpResponse<String> chat(String taskType, String json) throws IOException, InterruptedException {
    return http.send(chatRequest(taskType, json), HttpResponse.BodyHandlers.ofString());
  }

  /** A streaming chat completion; its lines as they arrive. */
  HttpResponse<Stream<String>> chatStream(String taskType, String json) throws IOException, InterruptedException {
    return http.send(chatRequest(taskType, json), HttpResponse.BodyHandlers.ofLines());
  }

  private HttpRequest chatRequest(String taskType, String json) {
    return HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
        .timeout(Duration.ofSeconds(120))
        .header("Authorization", "Bearer " + integratorToken)
        .header("X-Task-Type", taskType)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  /** A typed task, {@code POST /api/v1/tasks/{taskType}}, as the integrator; the response as it came. */
  HttpResponse<String> task(String taskType, String json) throws IOException, InterruptedException {
    return http.send(integratorPost("/api/v1/tasks/" + taskType, json).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A typed task answered as server-sent events; its lines as they arrive. */
  HttpResponse<Stream<String>> taskStream(String taskType, String json) throws IOException, InterruptedException {
    return http.send(integratorPost("/api/v1/tasks/" + taskType, json).header("Accept", "text/event-stream").build(),
        HttpResponse.BodyHandlers.ofLines());
  }

  /** Submits a batch, {@code POST /api/v1/batches}, as the integrator. */
  HttpResponse<String> submitBatch(String json) throws IOException, InterruptedException {
    return http.send(integratorPost("/api/v1/batches", json).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A batch's progress, {@code GET /api/v1/batches/{id}}, as the integrator that created it. */
  JsonValue batch(String id) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/batches/" + id))
        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + integratorToken).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("GET /api/v1/batches/" + id + " answered " + r.statusCode() + ": " + r.body());
    }
    return JsonBodies.parse(r.body());
  }

  private HttpRequest.Builder integratorPost(String path, String json) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(120))
        .header("Authorization", "Bearer " + integratorToken)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  /** GET an operators' API path (e.g. {@code /api/v1/metrics}) and parse the JSON. */
  JsonValue ops(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30)).header("Authorization", operatorAuthorization).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return JsonBodies.parse(r.body());
  }
}
