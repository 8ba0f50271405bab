package org.keytriage.web.security;

import java.util.Optional;
import java.util.Set;
import org.keytriage.core.routing.UnknownTaskTypeException;
import org.keytriage.web.errors.ApiException;
import org.keytriage.web.http.TaskTypeHeader;

/**
 * Decides a request's task type and whether its integrator may use it, in this order: the {@code
 * X-Task-Type} header, else the configured default, else 400 saying how to name one; out of the
 * integrator's scope → 403; unknown to the engine → 400 listing the known ones. Scope comes before
 * existence so an integrator learns nothing about task types it may not use. A typed call names
 * its task type in the path instead ({@link #resolveNamed}).
 */
public final class TaskTypeResolver {
  private TaskTypeResolver() {}

  public static String resolve(String header, Optional<String> defaultTaskType, Integrator integrator, Set<String> known) {
    String taskType = header != null && !header.isBlank() ? header.trim() : defaultTaskType.orElse(null);
    if (taskType == null) {
      throw ApiException.badRequest("task_type_required", "Task type required",
          "Say which kind of task this is: send the header " + TaskTypeHeader.NAME
              + " (e.g. " + TaskTypeHeader.NAME + ": medical_text_analysis), or have the administrator set "
              + "keytriage.default-task-type. Task types: " + String.join(", ", new java.util.TreeSet<>(known)) + ".");
    }
    TaskScopes.check(integrator, taskType);
    if (!known.contains(taskType)) {
      throw new UnknownTaskTypeException(taskType, known);
    }
    return taskType;
  }

  /**
   * The task type named in a typed call's path: out of the integrator's scope → 403, not among
   * {@code served} (a handler and a configured key) → 404. Scope first, as above.
   */
  public static String resolveNamed(String taskType, Integrator integrator, Set<String> served) {
    TaskScopes.check(integrator, taskType);
    TaskScopes.requireServed(taskType, served);
    return taskType;
  }
}
