package org.keytriage.web.openai;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.keytriage.web.http.TaskTypeHeader;
import org.keytriage.web.json.JsonText;
import org.keytriage.web.openai.internal.ModelCatalog;
import org.keytriage.web.security.CallerContext;
import org.keytriage.web.security.IntegratorAccess;

/** {@code GET /v1/models}: the upstream's model list, through a key the integrator may use. */
@Path("v1/models")
@RequestScoped
@IntegratorAccess
@Tag(ref = "OpenAI-compatible")
@SecurityRequirement(name = "integratorToken")
public class ModelsResource {
  @Inject CallerContext caller;
  @Inject ModelCatalog catalog;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "List models",
      description = "NVIDIA's model list in OpenAI's shape ({\"object\":\"list\",\"data\":[…]}), fetched with a key"
          + " for the X-Task-Type (else the default task type, else the first the integrator may use) and cached.")
  @APIResponse(responseCode = "200", description = "The model list",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "401", description = "No or an invalid integrator token")
  @APIResponse(responseCode = "502", description = "The upstream did not give a model list")
  @APIResponse(responseCode = "503", description = "No available API key")
  public Response list(
      @Parameter(description = "The task type whose key fetches the list")
          @HeaderParam(TaskTypeHeader.NAME) String taskType) {
    return Response.ok(JsonText.write(catalog.models(caller.integrator().orElseThrow(), taskType)),
        MediaType.APPLICATION_JSON).build();
  }
}
