package org.keytriage.web.ops;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.routing.UnknownTaskTypeException;
import org.keytriage.web.config.WebSettings;
import org.keytriage.web.errors.ApiException;
import org.keytriage.web.json.JsonText;
import org.keytriage.web.ops.internal.TaskTypeViews;
import org.keytriage.web.security.AllowedRoles;
import org.keytriage.web.security.Roles;

/** The task types, the strategy each uses and the keys that serve it; and switching strategies. */
@Path("api/v1/task-types")
@RequestScoped
@Tag(ref = "Routing")
@SecurityRequirement(name = "basicAuth")
@Produces(MediaType.APPLICATION_JSON)
public class TaskTypesResource {
  private static final Logger LOG = Logger.getLogger(TaskTypesResource.class.getName());

  @Inject KeyTriage keyTriage;
  @Inject WebSettings settings;
  @Context SecurityContext security;

  @GET
  @AllowedRoles({Roles.OPS, Roles.ADMIN})
  @Operation(summary = "List task types",
      description = "[{task_type, strategy, configured, keys: [{key_id, tier}]}] for every task type the router knows.")
  @APIResponse(responseCode = "200", description = "The task types",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY)))
  @APIResponse(responseCode = "401", description = "Not signed in")
  @APIResponse(responseCode = "403", description = "Neither ops nor admin")
  public String list() {
    return JsonText.write(new TaskTypeViews(keyTriage).all());
  }

  @PUT
  @Path("{type}/strategy")
  @Consumes(MediaType.APPLICATION_JSON)
  @AllowedRoles(Roles.ADMIN)
  @Operation(summary = "Switch a task type's strategy", description = "Effective for the next request.")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
      schema = @Schema(type = SchemaType.OBJECT),
      examples = @ExampleObject(name = "lowest cost", value = "{\"strategy\":\"lowest_cost\"}")))
  @APIResponse(responseCode = "200", description = "The task type after the change",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "400", description = "Malformed body or an unknown strategy")
  @APIResponse(responseCode = "403", description = "Not an admin")
  @APIResponse(responseCode = "404", description = "Unknown task type")
  public String useStrategy(@PathParam("type") String type, InputStream body) {
    if (!keyTriage.taskTypes().contains(type)) {
      throw ApiException.notFound("unknown_task_type", "Unknown task type",
          new UnknownTaskTypeException(type, keyTriage.taskTypes()).getMessage());
    }
    Map<String, Object> json = JsonText.readObject(body, settings.maxRequestBytes());
    if (!(json.get("strategy") instanceof String strategy) || strategy.isBlank()) {
      throw ApiException.badRequest("invalid_request", "Invalid request",
          "Send {\"strategy\": \"<id>\"}; available strategies: " + String.join(", ", keyTriage.strategies().ids()) + ".");
    }
    String who = security.getUserPrincipal().getName();
    String reason = json.get("reason") instanceof String r ? r : "";
    keyTriage.useStrategy(type, strategy.trim(), who, reason);
    LOG.log(Level.INFO, "Task type {0} now uses strategy {1}, set by {2}", new Object[] {type, strategy.trim(), who});
    return JsonText.write(new TaskTypeViews(keyTriage).one(type));
  }
}
