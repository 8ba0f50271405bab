package org.keytriage.web.history;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
import org.keytriage.core.KeyTriage;
import org.keytriage.core.requests.SpendQuery;
import org.keytriage.core.requests.SpendRow;
import org.keytriage.web.history.internal.HistoryViews;
import org.keytriage.web.history.internal.QueryParams;
import org.keytriage.web.history.internal.Stored;
import org.keytriage.web.json.JsonText;
import org.keytriage.web.security.AllowedRoles;
import org.keytriage.web.security.Roles;

/** Spend history for chargeback: cost and tokens per key, task type or integrator, per hour or day. */
@Path("api/v1/spend")
@RequestScoped
@Tag(ref = "Reports")
@SecurityRequirement(name = "basicAuth")
public class SpendResource {
  @Inject KeyTriage keyTriage;

  @GET
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @AllowedRoles({Roles.OPS, Roles.ADMIN})
  @Operation(summary = "Spend history",
      description = "{from, to, group_by, interval, total_cost, rows: [{period_start, group, requests, prompt_tokens,"
          + " completion_tokens, total_tokens, cost}]}, oldest bucket first. from (default: the first of this month,"
          + " UTC), to (default: now), group_by=key|task_type|integrator (default key), interval=hour|day (default"
          + " day). format=csv for a CSV export.")
  @APIResponse(responseCode = "200", description = "The spend rows",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "400", description = "A query parameter is not usable; the answer names it")
  @APIResponse(responseCode = "404", description = "The store is switched off (keytriage.db.enabled=false)")
  public Response spend(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("group_by") String groupBy,
      @QueryParam("interval") String interval,
      @QueryParam("format") String format) {
    boolean csv = QueryParams.csv(format);
    Instant now = keyTriage.clock().instant();
    Instant start = QueryParams.instant("from", from);
    Instant end = QueryParams.instant("to", to);
    start = start != null ? start
        : LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    end = end != null ? end : now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
    if (!start.isBefore(end)) {
      throw QueryParams.invalid("from", "before to");
    }
    SpendQuery query = new SpendQuery(start, end,
        QueryParams.choice("group_by", groupBy, SpendQuery.GroupBy.class, SpendQuery.GroupBy.KEY),
        QueryParams.choice("interval", interval, SpendQuery.Interval.class, SpendQuery.Interval.DAY));
    List<SpendRow> rows = Stored.requestLog(keyTriage).spend(query);
    if (csv) {
      return Response.ok(HistoryViews.spendCsv(rows), "text/csv")
          .header("Content-Disposition", "attachment; filename=\"keytriage-spend.csv\"")
          .build();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", query.from().toString());
    out.put("to", query.to().toString());
    out.put("group_by", HistoryViews.name(query.groupBy()));
    out.put("interval", HistoryViews.name(query.interval()));
    out.put("total_cost", rows.stream().mapToDouble(SpendRow::cost).sum());
    out.put("rows", rows.stream().map(HistoryViews::spend).toList());
    return Response.ok(JsonText.write(out), MediaType.APPLICATION_JSON).build();
  }
}
