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
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.audit.AuditRecord;
import org.keytriage.core.integrators.IntegratorToken;
import org.keytriage.core.integrators.IntegratorTokenStore;
import org.keytriage.web.config.WebSettings;
import org.keytriage.web.errors.ApiException;
import org.keytriage.web.json.JsonText;
import org.keytriage.web.ops.internal.IntegratorRequest;
import org.keytriage.web.security.AllowedRoles;
import org.keytriage.web.security.Integrator;
import org.keytriage.web.security.Integrators;
import org.keytriage.web.security.Roles;
import org.keytriage.web.security.internal.RunTimeIntegrators;

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
  private static final Logger LOG = Logger.getLogger(IntegratorsResource.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject KeyTriage keyTriage;
  @Inject Integrators integrators;
  @Inject RunTimeIntegrators runTime;
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
    for (Integrator i : integrators.all()) {
      if (i.tokenId().isEmpty()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", null);
        m.put("name", i.name());
        m.put("task_types", new ArrayList<>(new java.util.TreeSet<>(i.taskTypes())));
        m.put("source", "configuration");
        m.put("read_only", true);
        out.add(m);
      }
    }
    runTime.store().ifPresent(s -> s.all().forEach(t -> out.add(view(t))));
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
    IntegratorTokenStore store = store();
    IntegratorRequest request = IntegratorRequest.read(JsonText.readObject(body, settings.maxRequestBytes()),
        keyTriage.taskTypes(), keyTriage.clock().instant());
    if (integrators.isConfigured(request.name())) {
      throw new ApiException(409, "integrator_conflict", "Integrator exists",
          "An integrator named '" + request.name() + "' is in keytriage.integrators; choose another name.");
    }
    String token = "kt-" + randomPart();
    String who = security.getUserPrincipal().getName();
    IntegratorToken stored = new IntegratorToken(UUID.randomUUID().toString(), request.name(), request.taskTypes(),
        Integrators.sha256Hex(token), keyTriage.clock().instant(), who, request.expiresAt(), null, null);
    store.create(stored);
    runTime.reload();
    audit(who, "integrator.created", stored, Map.of("task_types", String.join("|", new java.util.TreeSet<>(
        stored.taskTypes())), "expires_at", stored.expiry().map(Instant::toString).orElse("")));
    LOG.log(Level.INFO, "Integrator token {0} ({1}) created by {2}", new Object[] {stored.id(), stored.name(), who});
    Map<String, Object> out = view(stored);
    out.put("token", token);
    return Response.created(URI.create("/api/v1/integrators/" + stored.id())).entity(JsonText.write(out))
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
    IntegratorTokenStore store = store();
    String who = security.getUserPrincipal().getName();
    try {
      store.revoke(id, keyTriage.clock().instant());
    } catch (NoSuchElementException e) {
      throw ApiException.notFound("unknown_integrator", "Unknown integrator token",
          "No integrator token created at run time has the id '" + id + "'. Integrators of keytriage.integrators"
              + " are read-only: remove them from the setting.");
    }
    runTime.reload();
    IntegratorToken revoked = store.all().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    audit(who, "integrator.revoked", revoked, Map.of());
    LOG.log(Level.INFO, "Integrator token {0} ({1}) revoked by {2}", new Object[] {id, revoked.name(), who});
    return JsonText.write(view(revoked));
  }

  private IntegratorTokenStore store() {
    return runTime.store().orElseThrow(() -> ApiException.notFound("store_disabled", "Nothing is stored",
        "Integrator tokens can be created at run time only with a store: keytriage.db.enabled is false."));
  }

  private void audit(String who, String action, IntegratorToken t, Map<String, String> details) {
    Map<String, String> all = new LinkedHashMap<>(details);
    all.put("name", t.name());
    keyTriage.audit().ifPresent(a -> a.recordNow(new AuditRecord(keyTriage.clock().instant(), who, action, t.id(), all)));
  }

  private static String randomPart() {
    byte[] raw = new byte[24];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  private static Map<String, Object> view(IntegratorToken t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("name", t.name());
    m.put("task_types", new ArrayList<>(new java.util.TreeSet<>(t.taskTypes())));
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
