package org.keytriage.web.history;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.keytriage.core.requests.RequestPage;
import org.keytriage.core.requests.RequestQuery;
import org.keytriage.web.history.internal.HistoryViews;
import org.keytriage.web.history.internal.QueryParams;
import org.keytriage.web.history.internal.Stored;
import org.keytriage.web.json.JsonText;
import org.keytriage.web.security.AllowedRoles;
import org.keytriage.web.security.Roles;

/** The request log: one row per client request, metadata only. */
@Path("api/v1/requests")
@RequestScoped
@Tag(ref = "Reports")
@SecurityRequirement(name = "basicAuth")
public class RequestsResource {
  @Inject KeyTriage keyTriage;

  @GET
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @AllowedRoles({Roles.OPS, Roles.ADMIN})
  @Operation(summary = "The request log",
      description = "One row per client request, newest first: {total, offset, limit, requests: [{request_id, time,"
          + " integrator, origin, task_type, key_id, attempts, prompt_tokens, completion_tokens, cost, latency_ms,"
          + " outcome}]}; never a prompt or an answer. Filters: from, to (instant or date), task_type, key_id,"
          + " integrator, outcome (ok or an error code); offset, limit (at most 1000). format=csv for a CSV export."
          + " Rows are written within a second or so of the request (in batches, off the request path).")
  @APIResponse(responseCode = "200", description = "The page",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "400", description = "A query parameter is not usable; the answer names it")
  @APIResponse(responseCode = "404", description = "The store is switched off (keytriage.db.enabled=false)")
  public Response requests(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("task_type") String taskType,
      @QueryParam("key_id") String keyId,
      @QueryParam("integrator") String integrator,
      @QueryParam("outcome") String outcome,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit,
      @QueryParam("format") String format) {
    boolean csv = QueryParams.csv(format);
    RequestQuery query;
    try {
      query = new RequestQuery(QueryParams.instant("from", from), QueryParams.instant("to", to),
          QueryParams.text(taskType), QueryParams.text(keyId), QueryParams.text(integrator), QueryParams.text(outcome),
          QueryParams.integer("offset", offset, 0, 0, Integer.MAX_VALUE),
          QueryParams.integer("limit", limit, csv ? RequestQuery.MAX_LIMIT : RequestQuery.DEFAULT_LIMIT, 1,
              RequestQuery.MAX_LIMIT));
    } catch (IllegalArgumentException e) {
      throw QueryParams.invalid("from", "before to");
    }
    RequestPage page = Stored.requestLog(keyTriage).find(query);
    if (csv) {
      return Response.ok(HistoryViews.requestsCsv(page.rows()), "text/csv")
          .header("Content-Disposition", "attachment; filename=\"keytriage-requests.csv\"")
          .header("X-Total-Count", page.total())
          .build();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", page.total());
    out.put("offset", query.offset());
    out.put("limit", query.limit());
    out.put("requests", page.rows().stream().map(HistoryViews::request).toList());
    return Response.ok(JsonText.write(out), MediaType.APPLICATION_JSON).build();
  }
}
