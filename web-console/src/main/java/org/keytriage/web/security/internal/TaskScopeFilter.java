package org.keytriage.web.security.internal;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.keytriage.core.KeyTriage;
import org.keytriage.web.config.WebSettings;
import org.keytriage.web.openai.TaskTypeHeader;
import org.keytriage.web.security.CallerContext;
import org.keytriage.web.security.Integrator;
import org.keytriage.web.security.TaskScoped;

/**
 * Resolves the task type of a {@link TaskScoped} request and checks that the authenticated
 * integrator may use it ({@link TaskTypeResolver}); runs after {@link IntegratorTokenFilter}.
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
    caller.taskType(TaskTypeResolver.resolve(request.getHeaderString(TaskTypeHeader.NAME),
        settings.defaultTaskType(), integrator, keyTriage.router().taskTypes()));
  }
}
