package org.keytriage.web.history;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.audit.AuditQuery;
import org.keytriage.web.history.internal.HistoryViews;
import org.keytriage.web.history.internal.QueryParams;
import org.keytriage.web.history.internal.Stored;
import org.keytriage.web.json.JsonText;
import org.keytriage.web.security.AllowedRoles;
import org.keytriage.web.security.Roles;

/** The audit trail, and the check of its hash chain. */
@Path("api/v1/audit")
@RequestScoped
@Tag(ref = "Reports")
@SecurityRequirement(name = "basicAuth")
public class AuditResource {
  @Inject KeyTriage keyTriage;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @AllowedRoles({Roles.OPS, Roles.ADMIN})
  @Operation(summary = "The audit trail",
      description = "{entries: [{seq, time, actor, action, target, details, previous_hash, hash}]}, newest first:"
          + " operators' changes, key penalties, configuration loads, failed logins; never a secret. Filters: from,"
          + " to, actor, action (key.added, or a prefix such as key.), target; offset, limit (at most 1000).")
  @APIResponse(responseCode = "200", description = "The entries",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "400", description = "A query parameter is not usable; the answer names it")
  @APIResponse(responseCode = "404", description = "The store is switched off (keytriage.db.enabled=false)")
  public String entries(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("target") String target,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    AuditQuery query = new AuditQuery(QueryParams.instant("from", from), QueryParams.instant("to", to),
        QueryParams.text(actor), QueryParams.text(action), QueryParams.text(target),
        QueryParams.integer("offset", offset, 0, 0, Integer.MAX_VALUE),
        QueryParams.integer("limit", limit, AuditQuery.DEFAULT_LIMIT, 1, AuditQuery.MAX_LIMIT));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("entries", Stored.audit(keyTriage).find(query).stream().map(HistoryViews::audit).toList());
    return JsonText.write(out);
  }

  @GET
  @Path("verify")
  @Produces(MediaType.APPLICATION_JSON)
  @AllowedRoles({Roles.OPS, Roles.ADMIN})
  @Operation(summary = "Check the audit chain",
      description = "{intact, entries, head_hash, first_bad_seq, problem}: every entry's hash is recomputed and"
          + " its link to the one before checked; the first entry changed, inserted or after a removed one is named."
          + " Record head_hash elsewhere to detect entries removed from the end later.")
  @APIResponse(responseCode = "200", description = "What the check found (intact or not)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "404", description = "The store is switched off (keytriage.db.enabled=false)")
  public String verify() {
    return JsonText.write(HistoryViews.verification(Stored.audit(keyTriage).verify()));
  }
}
