package org.keytriage.web.security.internal;

import java.util.Optional;
import java.util.Set;
import org.keytriage.core.routing.UnknownTaskTypeException;
import org.keytriage.web.errors.ApiException;
import org.keytriage.web.openai.TaskTypeHeader;
import org.keytriage.web.security.Integrator;

/**
 * Decides a request's task type and whether its integrator may use it, in this order: the {@code
 * X-Task-Type} header, else the configured default, else 400 saying how to name one; out of the
 * integrator's scope → 403; unknown to the engine → 400 listing the known ones. Scope comes before
 * existence so an integrator learns nothing about task types it may not use.
 */
final class TaskTypeResolver {
  private TaskTypeResolver() {}

  static String resolve(String header, Optional<String> defaultTaskType, Integrator integrator, Set<String> known) {
    String taskType = header != null && !header.isBlank() ? header.trim() : defaultTaskType.orElse(null);
    if (taskType == null) {
      throw ApiException.badRequest("task_type_required", "Task type required",
          "Say which kind of task this is: send the header " + TaskTypeHeader.NAME
              + " (e.g. " + TaskTypeHeader.NAME + ": medical_text_analysis), or have the administrator set "
              + "keytriage.default-task-type. Task types: " + String.join(", ", new java.util.TreeSet<>(known)) + ".");
    }
    if (!integrator.mayUse(taskType)) {
      throw ApiException.forbidden("task_type_not_allowed",
          "Integrator '" + integrator.name() + "' may not use task type '" + taskType + "'; it may use: "
              + integrator.describeScope() + ".");
    }
    if (!known.contains(taskType)) {
      throw new UnknownTaskTypeException(taskType, known);
    }
    return taskType;
  }
}
