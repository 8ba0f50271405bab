package org.keytriage.web.openai.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.events.Origin;
import org.keytriage.core.gateway.Gateway;
import org.keytriage.core.routing.UnknownTaskTypeException;
import org.keytriage.web.config.WebSettings;
import org.keytriage.web.errors.ApiException;
import org.keytriage.web.security.Integrator;

/**
 * The upstream's model list for {@code GET /v1/models}. Fetched through the {@link Gateway} like
 * any call (one request against the chosen key's limits; a 429 cools the key down, a 401
 * quarantines it, another key is tried) and kept per task type for {@code
 * keytriage.models-cache-seconds}, so listing models does not eat into the keys' capacity.
 */
@ApplicationScoped
public class ModelCatalog {
  @Inject KeyTriage keyTriage;
  @Inject Gateway gateway;
  @Inject WebSettings settings;

  private final Map<String, Cached> byTaskType = new ConcurrentHashMap<>();

  private record Cached(Map<String, Object> models, long expiresAtMillis) {}

  /**
   * @param requestedTaskType the {@code X-Task-Type} header, may be null
   * @throws ApiException 403 for a task type out of the integrator's scope
   * @throws org.keytriage.core.errors.KeyTriageException when no key could fetch the list
   */
  public Map<String, Object> models(Integrator integrator, String requestedTaskType) {
    String taskType = taskTypeFor(integrator, requestedTaskType);
    Cached cached = byTaskType.get(taskType);
    if (cached != null && cached.expiresAtMillis() > keyTriage.clock().millis()) {
      return cached.models();
    }
    Map<String, Object> models = gateway.models(taskType, Origin.OPENAI, integrator.name());
    byTaskType.put(taskType, new Cached(models, keyTriage.clock().millis() + settings.modelsCache().toMillis()));
    return models;
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
      if (!keyTriage.taskTypes().contains(taskType)) {
        throw new UnknownTaskTypeException(taskType, keyTriage.taskTypes());
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
}
