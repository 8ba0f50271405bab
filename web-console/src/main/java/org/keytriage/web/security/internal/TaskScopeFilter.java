package org.keytriage.web.security.internal;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.TreeSet;
import org.keytriage.core.KeyTriage;
import org.keytriage.web.config.WebSettings;
import org.keytriage.web.http.TaskTypeHeader;
import org.keytriage.web.security.CallerContext;
import org.keytriage.web.security.Integrator;
import org.keytriage.web.security.TaskScoped;
import org.keytriage.web.security.TaskScopes;
import org.keytriage.web.security.TaskTypeResolver;

/**
 * Resolves the task type of a {@link TaskScoped} request and checks that the authenticated
 * integrator may use it ({@link TaskTypeResolver}); runs after {@link IntegratorTokenFilter}. The
 * type comes from the {@code {taskType}} path parameter when the resource has one, else from
 * {@code X-Task-Type} or the default.
 */
@Provider
@TaskScoped
@Priority(Priorities.AUTHORIZATION)
public class TaskScopeFilter implements ContainerRequestFilter {
  @Inject CallerContext caller;
  @Inject WebSettings settings;
  @Inject KeyTriage keyTriage;

  @Override
  public void filter(ContainerRequestContext request) {
    Integrator integrator = caller.integrator().orElseThrow(() -> new IllegalStateException(
        "TaskScoped without IntegratorAccess on " + request.getUriInfo().getPath()));
    String named = request.getUriInfo().getPathParameters().getFirst(TaskScopes.TASK_TYPE_PATH_PARAM);
    if (named != null) {
      // /api/v1/tasks/{taskType}: the path is the resource, so an unknown type is a 404 there
      caller.taskType(TaskTypeResolver.resolveNamed(named, integrator, servedTaskTypes()));
      return;
    }
    caller.taskType(TaskTypeResolver.resolve(request.getHeaderString(TaskTypeHeader.NAME),
        settings.defaultTaskType(), integrator, keyTriage.taskTypes()));
  }

  /** Task types a typed call can use: a handler serves them and a key is configured for them. */
  private Set<String> servedTaskTypes() {
    Set<String> served = new TreeSet<>(keyTriage.taskHandlers().ids());
    served.retainAll(keyTriage.taskTypes());
    return served;
  }
}
