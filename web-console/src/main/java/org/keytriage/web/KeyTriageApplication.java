package org.keytriage.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.keytriage.web.security.Roles;

/**
 * The JAX-RS application, mapped at the root of the context so that the OpenAI-compatible paths are
 * exactly {@code /v1/…} as SDKs expect. Resources and providers are found by scanning.
 */
@ApplicationPath("/")
@DeclareRoles({Roles.ADMIN, Roles.OPS})
@OpenAPIDefinition(
    info =
        @Info(
            title = "KeyTriage",
            version = "0.1.0",
            description =
                "API-key gateway for NVIDIA AI APIs. /v1 is OpenAI-compatible (integrator token as"
                    + " Bearer, task type in X-Task-Type); /api/v1/tasks and /api/v1/batches are the typed"
                    + " task API for integrators; the rest of /api/v1 is the operators' API (HTTP Basic,"
                    + " roles ops and admin).",
            license = @License(name = "Proprietary")),
    tags = {
      @Tag(name = "OpenAI-compatible", description = "Chat completions and models, routed per task type"),
      @Tag(name = "Tasks", description = "Typed clinical tasks: the task's input in, its typed result out"),
      @Tag(name = "Batches", description = "Many inputs of one task type, run in the background as cheap, low-priority work"),
      @Tag(name = "Keys", description = "The configured NVIDIA keys, their limits, usage and state"),
      @Tag(name = "Reports", description = "Metrics, health and optimisation advice in the guide's shapes"),
      @Tag(name = "Routing", description = "Balancing strategies and which one each task type uses")
    })
@SecuritySchemes({
  @SecurityScheme(
      securitySchemeName = "integratorToken",
      type = SecuritySchemeType.HTTP,
      scheme = "bearer",
      description = "An integrator token; its SHA-256 is configured in keytriage.integrators"),
  @SecurityScheme(
      securitySchemeName = "basicAuth",
      type = SecuritySchemeType.HTTP,
      scheme = "basic",
      description = "An operator account from keytriage.users (role ops or admin)")
})
public class KeyTriageApplication extends Application {

  @Override
  public Map<String, Object> getProperties() {
    return Map.of(
        // WADL would answer OPTIONS and ?wadl with an unauthenticated description of every resource
        "jersey.config.server.wadl.disableWadl", true,
        // Jersey otherwise buffers the first 8 KiB of every answer to compute its Content-Length and
        // ignores flushes meanwhile, which would hold back a relayed stream's chunks
        "jersey.config.server.contentLength.buffer", 0);
  }
}
