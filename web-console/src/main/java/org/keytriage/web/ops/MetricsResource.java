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

/** The guide's {@code get_api_key_metrics()}. */
@Path("api/v1/metrics")
@RequestScoped
@Tag(ref = "Reports")
@SecurityRequirement(name = "basicAuth")
public class MetricsResource {
  @Inject KeyTriage keyTriage;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @AllowedRoles({Roles.OPS, Roles.ADMIN})
  @Operation(summary = "Usage metrics and cost analysis",
      description = "total_cost, total_requests, overall_success_rate, key_metrics.{id}.{total_requests,"
          + " success_rate, average_response_time, current_rpm, current_tpm, …}, cost_analysis, task_distribution,"
          + " task_metrics.")
  @APIResponse(responseCode = "200", description = "The metrics in the guide's shape",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "401", description = "Not signed in")
  @APIResponse(responseCode = "403", description = "Neither ops nor admin")
  public String metrics() {
    return JsonText.write(keyTriage.metrics().toJson());
  }
}
