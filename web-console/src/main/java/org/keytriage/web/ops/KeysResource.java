package org.keytriage.web.ops;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.errors.ErrorCode;
import org.keytriage.core.errors.KeyTriageException;
import org.keytriage.web.json.JsonText;
import org.keytriage.web.ops.internal.KeyViews;
import org.keytriage.web.security.AllowedRoles;
import org.keytriage.web.security.Roles;

/** The configured keys: what they are, how full, in what state; and the administrator's switches. */
@Path("api/v1/keys")
@RequestScoped
@Tag(ref = "Keys")
@SecurityRequirement(name = "basicAuth")
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {
  private static final Logger LOG = Logger.getLogger(KeysResource.class.getName());

  @Inject KeyTriage keyTriage;
  @Context SecurityContext security;

  @GET
  @AllowedRoles({Roles.OPS, Roles.ADMIN})
  @Operation(summary = "List keys",
      description = "Every configured key with its secret masked (nvapi-…Ab3F), limits, live usage in the current"
          + " 60 s window, totals, and cooldown, circuit and quarantine state.")
  @APIResponse(responseCode = "200", description = "The keys, in configuration order",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY)))
  @APIResponse(responseCode = "401", description = "Not signed in")
  @APIResponse(responseCode = "403", description = "Neither ops nor admin")
  public String list() {
    List<Map<String, Object>> keys = new KeyViews(keyTriage).all();
    return JsonText.write(keys);
  }

  @GET
  @Path("{id}")
  @AllowedRoles({Roles.OPS, Roles.ADMIN})
  @Operation(summary = "Show one key")
  @APIResponse(responseCode = "200", description = "The key",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "404", description = "No key with that key_id")
  public String one(@PathParam("id") String id) {
    return JsonText.write(view(id));
  }

  @POST
  @Path("{id}/activate")
  @AllowedRoles(Roles.ADMIN)
  @Operation(summary = "Activate a key", description = "Switches the key on for routing.")
  @APIResponse(responseCode = "200", description = "The key after the change",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "403", description = "Not an admin")
  @APIResponse(responseCode = "404", description = "No key with that key_id")
  public String activate(@PathParam("id") String id,
      @Parameter(description = "Why, for the audit trail") @QueryParam("reason") String reason) {
    return change(id, "activated", reason, (k, who) -> keyTriage.keys().setActive(k, true, who, reason));
  }

  @POST
  @Path("{id}/deactivate")
  @AllowedRoles(Roles.ADMIN)
  @Operation(summary = "Deactivate a key", description = "Keeps the key configured but takes it out of routing.")
  @APIResponse(responseCode = "200", description = "The key after the change",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "403", description = "Not an admin")
  @APIResponse(responseCode = "404", description = "No key with that key_id")
  public String deactivate(@PathParam("id") String id,
      @Parameter(description = "Why, for the audit trail") @QueryParam("reason") String reason) {
    return change(id, "deactivated", reason, (k, who) -> keyTriage.keys().setActive(k, false, who, reason));
  }

  @POST
  @Path("{id}/restore")
  @AllowedRoles(Roles.ADMIN)
  @Operation(summary = "Restore a key",
      description = "Lifts a quarantine, any cooldown and an open circuit, and activates the key.")
  @APIResponse(responseCode = "200", description = "The key after the change",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "403", description = "Not an admin")
  @APIResponse(responseCode = "404", description = "No key with that key_id")
  public String restore(@PathParam("id") String id,
      @Parameter(description = "Why, for the audit trail") @QueryParam("reason") String reason) {
    return change(id, "restored", reason, (k, who) -> keyTriage.keys().restore(k, who, reason));
  }

  private String change(String id, String what, String reason, BiConsumer<String, String> action) {
    view(id); // 404 before anything changes
    String who = security.getUserPrincipal().getName();
    action.accept(id, who); // published as a KeyChanged event with who and why
    // a log line too: who changed which key; key ids are not secrets
    LOG.log(Level.INFO, "Key {0} {1} by {2}", new Object[] {id, what, who});
    return JsonText.write(view(id));
  }

  /** The key's view; an unknown id is the engine's {@code unknown_key} (404), naming the keys there are. */
  private Map<String, Object> view(String id) {
    keyTriage.key(id);
    return new KeyViews(keyTriage).one(id).orElseThrow(
        () -> new KeyTriageException(ErrorCode.UNKNOWN_KEY, "Key '" + id + "' was retired a moment ago."));
  }
}
