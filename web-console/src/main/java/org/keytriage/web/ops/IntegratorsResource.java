package org.keytriage.web.ops;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.keytriage.core.integrators.IntegratorToken;
import org.keytriage.web.config.WebSettings;
import org.keytriage.web.json.JsonText;
import org.keytriage.web.security.AllowedRoles;
import org.keytriage.web.security.Integrator;
import org.keytriage.web.security.Roles;

/**
 * Integrator tokens: the configuration's (read-only) and those created at run time, which are
 * shown once and stored as their SHA-256 only.
 */
@Path("api/v1/integrators")
@RequestScoped
@Tag(ref = "Keys")
@SecurityRequirement(name = "basicAuth")
@Produces(MediaType.APPLICATION_JSON)
public class IntegratorsResource {
  @Inject IntegratorTokens tokens;
  @Inject WebSettings settings;
  @Context SecurityContext security;

  @GET
  @AllowedRoles({Roles.OPS, Roles.ADMIN})
  @Operation(summary = "List integrators",
      description = "[{id, name, task_types, source, read_only, created_at, created_by, last_used_at, expires_at,"
          + " revoked_at}]: those of keytriage.integrators (source configuration, read-only) and those created at"
          + " run time (source store), revoked and expired ones included. Never a token or its hash.")
  @APIResponse(responseCode = "200", description = "The integrators",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY)))
  public String list() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Integrator i : tokens.configured()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", null);
      m.put("name", i.name());
      m.put("task_types", IntegratorTokens.sorted(i.taskTypes()));
      m.put("source", "configuration");
      m.put("read_only", true);
      out.add(m);
    }
    tokens.stored().forEach(t -> out.add(view(t)));
    return JsonText.write(out);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @AllowedRoles(Roles.ADMIN)
  @Operation(summary = "Create an integrator token",
      description = "Body {name, task_types (a list, [\"*\"] for all), expires_at (optional, instant or date)}."
          + " Answers the token once, in token: store it now, KeyTriage keeps only its SHA-256.")
  @APIResponse(responseCode = "201", description = "The integrator with its token",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "400", description = "A field is missing or not usable; the answer names it")
  @APIResponse(responseCode = "409", description = "The name is taken by an integrator of the configuration")
  public Response create(InputStream body) {
    IntegratorTokens.Created created = tokens.create(JsonText.readObject(body, settings.maxRequestBytes()),
        security.getUserPrincipal().getName());
    Map<String, Object> out = view(created.stored());
    out.put("token", created.token());
    return Response.created(URI.create("/api/v1/integrators/" + created.stored().id())).entity(JsonText.write(out))
        .type(MediaType.APPLICATION_JSON).build();
  }

  @DELETE
  @Path("{id}")
  @AllowedRoles(Roles.ADMIN)
  @Operation(summary = "Revoke an integrator token",
      description = "Refused on every node within a second. A token of keytriage.integrators cannot be revoked here:"
          + " remove it from the setting.")
  @APIResponse(responseCode = "200", description = "The integrator, revoked",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "404", description = "No run-time token with that id")
  public String revoke(@PathParam("id") String id) {
    return JsonText.write(view(tokens.revoke(id, security.getUserPrincipal().getName())));
  }

  private static Map<String, Object> view(IntegratorToken t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("name", t.name());
    m.put("task_types", IntegratorTokens.sorted(t.taskTypes()));
    m.put("source", "store");
    m.put("read_only", false);
    m.put("created_at", t.createdAt().toString());
    m.put("created_by", t.createdBy());
    m.put("last_used_at", t.lastUsedAt() == null ? null : t.lastUsedAt().toString());
    m.put("expires_at", t.expiresAt() == null ? null : t.expiresAt().toString());
    m.put("revoked_at", t.revokedAt() == null ? null : t.revokedAt().toString());
    return m;
  }
}
