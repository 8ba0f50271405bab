package org.keytriage.web.openai.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.routing.UnknownTaskTypeException;
import org.keytriage.spi.RoutingHints;
import org.keytriage.web.config.WebSettings;
import org.keytriage.web.errors.ApiException;
import org.keytriage.web.json.JsonText;
import org.keytriage.web.security.Integrator;

/**
 * The upstream's model list for {@code GET /v1/models}. Fetched through the router like any call
 * (one request against the chosen key's limits) and kept per task type for {@code
 * keytriage.models-cache-seconds}, so listing models does not eat into the keys' capacity.
 */
@ApplicationScoped
public class ModelCatalog {
  private static final long MAX_LIST_BYTES = 4L * 1024 * 1024;

  @Inject KeyTriage keyTriage;
  @Inject WebSettings settings;

  private final Map<String, Cached> byTaskType = new ConcurrentHashMap<>();
  private HttpClient http;

  private record Cached(Map<String, Object> models, long expiresAtMillis) {}

  @PostConstruct
  void start() {
    http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
  }

  /**
   * @param requestedTaskType the {@code X-Task-Type} header, may be null
   * @throws ApiException 403 for a task type out of the integrator's scope, 502 when the upstream
   *     gives no list
   */
  public Map<String, Object> models(Integrator integrator, String requestedTaskType) {
    String taskType = taskTypeFor(integrator, requestedTaskType);
    Cached cached = byTaskType.get(taskType);
    if (cached != null && cached.expiresAtMillis() > keyTriage.clock().millis()) {
      return cached.models();
    }
    Allocation a = keyTriage.allocate(taskType, RoutingHints.ofTokens(0));
    try {
      Map<String, Object> models = fetch(a);
      byTaskType.put(taskType, new Cached(models, keyTriage.clock().millis() + settings.modelsCache().toMillis()));
      return models;
    } finally {
      a.release(); // a no-op after succeeded/failed; gives the reservation back otherwise
    }
  }

  /**
   * The header's task type (which must be in scope and known); else the default task type when the
   * integrator may use it; else the first configured task type it may use.
   */
  private String taskTypeFor(Integrator integrator, String requested) {
    if (requested != null && !requested.isBlank()) {
      String taskType = requested.trim();
      if (!integrator.mayUse(taskType)) {
        throw ApiException.forbidden("task_type_not_allowed",
            "Integrator '" + integrator.name() + "' may not use task type '" + taskType + "'; it may use: "
                + integrator.describeScope() + ".");
      }
      if (!keyTriage.router().taskTypes().contains(taskType)) {
        throw new UnknownTaskTypeException(taskType, keyTriage.router().taskTypes());
      }
      return taskType;
    }
    Optional<String> byDefault = settings.defaultTaskType().filter(integrator::mayUse);
    if (byDefault.isPresent()) {
      return byDefault.get();
    }
    return keyTriage.configuredTaskTypes().stream().filter(integrator::mayUse).findFirst()
        .orElseThrow(() -> ApiException.forbidden("task_type_not_allowed",
            "Integrator '" + integrator.name() + "' may use no configured task type."));
  }

  private Map<String, Object> fetch(Allocation a) {
    long started = keyTriage.clock().millis();
    HttpRequest request = HttpRequest.newBuilder(URI.create(stripSlash(a.baseUrl()) + "/v1/models"))
        .timeout(settings.attemptTimeout())
        .header("Authorization", "Bearer " + a.apiKey().reveal())
        .header("Accept", "application/json")
        .GET()
        .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      a.unreachable();
      throw upstreamFailed("could not be reached (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      a.release();
      throw upstreamFailed("was interrupted");
    }
    long latency = keyTriage.clock().millis() - started;
    if (response.statusCode() != 200) {
      a.failed(0, latency);
      throw upstreamFailed("answered HTTP " + response.statusCode());
    }
    Map<String, Object> body;
    try {
      body = JsonText.readObject(new ByteArrayInputStream(response.body()), MAX_LIST_BYTES);
    } catch (ApiException e) {
      a.failed(0, latency);
      throw upstreamFailed("is not a JSON object");
    }
    a.succeeded(0, latency);
    return body;
  }

  private ApiException upstreamFailed(String what) {
    return new ApiException(502, "upstream_error", "Upstream failure", "The upstream's model list " + what + ".");
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
