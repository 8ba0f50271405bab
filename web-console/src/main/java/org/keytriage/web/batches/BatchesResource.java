package org.keytriage.web.batches;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.keytriage.core.batch.Batch;
import org.keytriage.core.routing.UnknownTaskTypeException;
import org.keytriage.web.batches.internal.BatchAccess;
import org.keytriage.web.batches.internal.BatchRequest;
import org.keytriage.web.batches.internal.BatchViews;
import org.keytriage.web.config.WebSettings;
import org.keytriage.web.errors.ApiException;
import org.keytriage.web.json.JsonText;
import org.keytriage.web.security.CallerContext;
import org.keytriage.web.security.Integrator;
import org.keytriage.web.security.IntegratorAccess;
import org.keytriage.web.security.Integrators;
import org.keytriage.web.security.TaskScopes;

/** {@code /api/v1/batches}: submit a batch of one task type, follow its progress, cancel it. */
@Path("api/v1/batches")
@RequestScoped
@Tag(ref = "Batches")
@Produces(MediaType.APPLICATION_JSON)
public class BatchesResource {
  private static final Logger LOG = Logger.getLogger(BatchesResource.class.getName());

  @Inject BatchService batches;
  @Inject WebSettings settings;
  @Inject CallerContext caller;
  @Inject Integrators integrators;
  @Context SecurityContext security;
  @Context UriInfo uri;

  @POST
  @IntegratorAccess
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "integratorToken")
  @Operation(summary = "Submit a batch",
      description = "Every item is validated by the task's handler first (a bad item refuses the whole batch with"
          + " 400 and errors [{field: items[i]…, message}]); then the batch runs in the background, a few items at a"
          + " time, as cost-sensitive LOW-priority work. The integrator must be scoped to the task type.")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
      schema = @Schema(type = SchemaType.OBJECT,
          description = "{\"task_type\": \"batch_processing\", \"items\": [ {task input}, … ]}; at most"
              + " keytriage.batch.max-items items (default 1000)")))
  @APIResponse(responseCode = "202", description = "Started: {batch_id, status: running, total}",
      headers = @Header(name = "Location", description = "The batch's URL"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "400", description = "Malformed JSON, an unknown task type, too many items, or invalid"
      + " items: problem details with errors [{field, message}]")
  @APIResponse(responseCode = "401", description = "No or an invalid integrator token")
  @APIResponse(responseCode = "403", description = "The integrator may not use this task type")
  @APIResponse(responseCode = "413", description = "Request body too large (keytriage.batch.max-request-bytes)")
  @APIResponse(responseCode = "503", description = "Too many batches held; see Retry-After")
  public Response submit(InputStream body) {
    Integrator integrator = caller.integrator().orElseThrow();
    BatchRequest request = BatchRequest.read(
        JsonText.readObject(body, settings.batch().maxRequestBytes()), settings.batch().maxItems());
    // scope before existence, as for every task-scoped call
    TaskScopes.check(integrator, request.taskType());
    if (!batches.handles(request.taskType())) {
      throw new UnknownTaskTypeException(request.taskType(), batches.taskTypes());
    }
    Batch batch = batches.submit(integrator.name(), request);
    URI location = uri.getBaseUriBuilder().path("api/v1/batches").path(batch.id()).build();
    return Response.accepted(JsonText.write(BatchViews.summary(batch))).type(MediaType.APPLICATION_JSON)
        .location(location).build();
  }

  @GET
  @Path("{id}")
  @SecurityRequirement(name = "integratorToken")
  @SecurityRequirement(name = "basicAuth")
  @Operation(summary = "Show a batch's progress and results",
      description = "total, completed, failed, pending, skipped, status (running, completed or cancelled), cost_so_far"
          + " (the sum of the item costs) and one entry per ended item: index, key_id, cost and result, or error."
          + " For the integrator that created the batch, or an admin.")
  @APIResponse(responseCode = "200", description = "The batch",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "401", description = "No or invalid credentials")
  @APIResponse(responseCode = "403", description = "Neither the batch's integrator nor an admin")
  @APIResponse(responseCode = "404", description = "No such batch, or it expired")
  public String show(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    return JsonText.write(BatchViews.detail(owned(id, authorization).batch()));
  }

  @DELETE
  @Path("{id}")
  @SecurityRequirement(name = "integratorToken")
  @SecurityRequirement(name = "basicAuth")
  @Operation(summary = "Cancel a batch",
      description = "Items not yet sent are never sent; items in flight finish and are recorded. A batch that has"
          + " completed stays completed. Answers the batch as GET does.")
  @APIResponse(responseCode = "200", description = "The batch after the cancel",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "401", description = "No or invalid credentials")
  @APIResponse(responseCode = "403", description = "Neither the batch's integrator nor an admin")
  @APIResponse(responseCode = "404", description = "No such batch, or it expired")
  public String cancel(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    Owned owned = owned(id, authorization);
    if (owned.batch().cancel()) {
      LOG.log(Level.INFO, "Batch {0} cancelled by {1}", new Object[] {id, owned.access().who()});
    }
    return JsonText.write(BatchViews.detail(owned.batch()));
  }

  private record Owned(Batch batch, BatchAccess access) {}

  private Owned owned(String id, String authorization) {
    BatchAccess access = BatchAccess.of(authorization, security, integrators);
    Batch batch = batches.find(id).orElseThrow(() -> ApiException.notFound("unknown_batch", "Unknown batch",
        "There is no batch '" + id + "'; a finished batch is kept for keytriage.batch.retention-minutes ("
            + settings.batch().retention().toMinutes() + " min)."));
    access.requireOwnerOrAdmin(batch);
    return new Owned(batch, access);
  }
}
