package org.keytriage.web.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Who is calling and for which task type, as the request filters established it for this request.
 */
@RequestScoped
public class CallerContext {
  private Integrator integrator;
  private String taskType;

  /** The authenticated integrator; empty on paths without {@link IntegratorAccess}. */
  public Optional<Integrator> integrator() {
    return Optional.ofNullable(integrator);
  }

  /** The resolved task type; empty on paths without {@link TaskScoped}. */
  public Optional<String> taskType() {
    return Optional.ofNullable(taskType);
  }

  public void integrator(Integrator value) {
    this.integrator = value;
  }

  public void taskType(String value) {
    this.taskType = value;
  }
}
