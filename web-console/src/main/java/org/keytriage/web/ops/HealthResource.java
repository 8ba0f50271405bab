package org.keytriage.web.ops;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.keytriage.core.KeyTriage;
import org.keytriage.web.json.JsonText;
import org.keytriage.web.security.AllowedRoles;
import org.keytriage.web.security.Roles;

/** The guide's {@code health_check()}; {@code /health/ready} is the probe for load balancers. */
@Path("api/v1/health")
@RequestScoped
@Tag(ref = "Reports")
@SecurityRequirement(name = "basicAuth")
public class HealthResource {
  @Inject KeyTriage keyTriage;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @AllowedRoles({Roles.OPS, Roles.ADMIN})
  @Operation(summary = "Health", description = "status, health_score (0–100), api_key_status.{active_keys, …}.")
  @APIResponse(responseCode = "200", description = "The health report in the guide's shape",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "401", description = "Not signed in")
  @APIResponse(responseCode = "403", description = "Neither ops nor admin")
  public String health() {
    return JsonText.write(keyTriage.health().toJson());
  }
}
