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
import org.keytriage.web.ops.internal.StrategyViews;
import org.keytriage.web.security.AllowedRoles;
import org.keytriage.web.security.Roles;

/** The balancing strategies found at start-up (built-in and plugins), with their settings' metadata. */
@Path("api/v1/strategies")
@RequestScoped
@Tag(ref = "Routing")
@SecurityRequirement(name = "basicAuth")
public class StrategiesResource {
  @Inject KeyTriage keyTriage;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @AllowedRoles({Roles.OPS, Roles.ADMIN})
  @Operation(summary = "List balancing strategies",
      description = "{strategies: [{id, description, order, config_properties: [{name, label, help_text, type,"
          + " default_value, options}], used_by: [task types]}], problems: [plugins that failed to load]}")
  @APIResponse(responseCode = "200", description = "The strategies",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "401", description = "Not signed in")
  @APIResponse(responseCode = "403", description = "Neither ops nor admin")
  public String strategies() {
    return JsonText.write(new StrategyViews(keyTriage).all());
  }
}
