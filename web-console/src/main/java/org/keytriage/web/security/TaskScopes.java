package org.keytriage.web.security;

import java.util.Set;
import java.util.TreeSet;
import org.keytriage.web.errors.ApiException;

/**
 * The integrator's task-type scope check, shared by the request filter ({@link TaskScoped}) and by
 * endpoints that learn the task type from the body ({@code /api/v1/batches}).
 */
public final class TaskScopes {
  /** The path parameter that names the task type of a typed task call. */
  public static final String TASK_TYPE_PATH_PARAM = "taskType";

  private TaskScopes() {}

  /** @throws ApiException 403 naming what the integrator may use, when {@code taskType} is out of its scope */
  public static void check(Integrator integrator, String taskType) {
    if (!integrator.mayUse(taskType)) {
      throw ApiException.forbidden("task_type_not_allowed",
          "Integrator '" + integrator.name() + "' may not use task type '" + taskType + "'; it may use: "
              + integrator.describeScope() + ".");
    }
  }

  /**
   * A typed task named in the path must be one a handler serves and a key is configured for.
   *
   * @throws ApiException 404 listing the available task types
   */
  public static void requireServed(String taskType, Set<String> served) {
    if (!served.contains(taskType)) {
      throw ApiException.notFound("unknown_task_type", "Unknown task type",
          "There is no task type '" + taskType + "'. Task types: " + String.join(", ", new TreeSet<>(served)) + ".");
    }
  }
}
