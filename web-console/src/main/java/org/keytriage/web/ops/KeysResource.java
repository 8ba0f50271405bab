package org.keytriage.web.ops;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyEntries;
import org.keytriage.core.config.Secret;
import org.keytriage.core.errors.ErrorCode;
import org.keytriage.core.errors.KeyTriageException;
import org.keytriage.web.config.WebSettings;
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

  /** What the configuration loader's messages call the key given. */
  private static final String BODY = "request body";

  @Inject KeyTriage keyTriage;
  @Inject WebSettings settings;
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
  @Consumes(MediaType.APPLICATION_JSON)
  @AllowedRoles(Roles.ADMIN)
  @Operation(summary = "Add a key",
      description = "Adds a key at run time, for every node's next request: the body is one entry of"
          + " api_keys_config.json ({key_id, api_key, max_rpm, max_tpm, priority, task_types, cost_per_token,"
          + " base_url, weight, is_active, is_backup, daily_budget, monthly_budget}), checked as the configuration"
          + " loader checks it. The secret is stored encrypted (the server needs a master key) and never shown again.")
  @APIResponse(responseCode = "201", description = "The key, its secret masked",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "400", description = "A field is missing or not usable: errors [{field, message}]")
  @APIResponse(responseCode = "409", description = "A key with that key_id exists, or the server has no master key")
  @APIResponse(responseCode = "403", description = "Not an admin")
  public Response add(InputStream body,
      @Parameter(description = "Why, for the audit trail") @QueryParam("reason") String reason) {
    ApiKeyConfig key = KeyEntries.read(text(body), keyTriage.taskTypes(), BODY);
    String who = operator();
    keyTriage.keys().add(key, who, reason);
    LOG.log(Level.INFO, "Key {0} added by {1}", new Object[] {key.keyId(), who});
    return Response.created(URI.create("/api/v1/keys/" + key.keyId())).entity(JsonText.write(view(key.keyId())))
        .type(MediaType.APPLICATION_JSON).build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @AllowedRoles(Roles.ADMIN)
  @Operation(summary = "Change a key",
      description = "Replaces the fields given (max_rpm, max_tpm, priority, task_types, cost_per_token, base_url,"
          + " weight, is_active, is_backup, daily_budget, monthly_budget), for every node's next request; the rest"
          + " stay. The secret is changed by rotation, not here.")
  @APIResponse(responseCode = "200", description = "The key after the change",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "400", description = "A field is not usable, or may not be changed here: errors [{field, message}]")
  @APIResponse(responseCode = "404", description = "No key with that key_id")
  @APIResponse(responseCode = "403", description = "Not an admin")
  public String update(@PathParam("id") String id, InputStream body,
      @Parameter(description = "Why, for the audit trail") @QueryParam("reason") String reason) {
    String json = text(body);
    ApiKeyConfig changed = KeyEntries.change(keyTriage.key(id), json, keyTriage.taskTypes(), BODY);
    String who = operator();
    keyTriage.keys().change(changed, who, reason);
    if (JsonText.hasField(json, "is_active")) {
      keyTriage.keys().setActive(id, changed.active(), who, reason);
    }
    LOG.log(Level.INFO, "Key {0} changed by {1}", new Object[] {id, who});
    return JsonText.write(view(id));
  }

  @DELETE
  @Path("{id}")
  @AllowedRoles(Roles.ADMIN)
  @Operation(summary = "Retire a key",
      description = "Takes the key out of the catalogue on every node from its next request; calls in flight finish."
          + " Its request-log rows and spend stay; its stored secret is destroyed.")
  @APIResponse(responseCode = "200", description = "{key_id, retired: true}",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "404", description = "No key with that key_id")
  @APIResponse(responseCode = "403", description = "Not an admin")
  public String retire(@PathParam("id") String id,
      @Parameter(description = "Why, for the audit trail") @QueryParam("reason") String reason) {
    keyTriage.key(id);
    String who = operator();
    keyTriage.keys().retire(id, who, reason);
    LOG.log(Level.INFO, "Key {0} retired by {1}", new Object[] {id, who});
    return JsonText.write(Map.of("key_id", id, "retired", true));
  }

  @POST
  @Path("{id}/rotate")
  @Consumes(MediaType.APPLICATION_JSON)
  @AllowedRoles(Roles.ADMIN)
  @Operation(summary = "Rotate a key's secret",
      description = "Body {\"api_key\": \"<the new secret>\"}. New calls use it at once on every node; calls in"
          + " flight finish on the old one, which is then destroyed. The key records rotated_at; the optimisation"
          + " report recommends rotating keys older than keytriage.rotation-max-age-days (default 90).")
  @APIResponse(responseCode = "200", description = "The key after the rotation, its new secret masked",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "400", description = "No usable new secret: errors [{field, message}]")
  @APIResponse(responseCode = "404", description = "No key with that key_id")
  @APIResponse(responseCode = "409", description = "The server has no master key to store the secret with")
  public String rotate(@PathParam("id") String id, InputStream body,
      @Parameter(description = "Why, for the audit trail") @QueryParam("reason") String reason) {
    Secret next = KeyEntries.rotation(keyTriage.key(id), text(body), keyTriage.taskTypes(), BODY);
    String who = operator();
    keyTriage.keys().rotate(id, next, who, reason);
    LOG.log(Level.INFO, "Key {0} rotated by {1}", new Object[] {id, who});
    return JsonText.write(view(id));
  }

  private String text(InputStream body) {
    return new String(JsonText.readBytes(body, settings.maxRequestBytes()), StandardCharsets.UTF_8);
  }

  private String operator() {
    return security.getUserPrincipal().getName();
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
    String who = operator();
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
