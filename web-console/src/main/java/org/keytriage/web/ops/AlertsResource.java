package org.keytriage.web.ops;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.alerts.Alert;
import org.keytriage.core.alerts.RecentAlerts;
import org.keytriage.web.json.JsonText;
import org.keytriage.web.security.AllowedRoles;
import org.keytriage.web.security.Roles;

/** Recent alerts (rate limits, open circuits, quarantines, budgets), newest last. */
@Path("api/v1/alerts")
@RequestScoped
@Tag(ref = "Reports")
@SecurityRequirement(name = "basicAuth")
public class AlertsResource {
  @Inject KeyTriage keyTriage;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @AllowedRoles({Roles.OPS, Roles.ADMIN})
  @Operation(summary = "Recent alerts", description = "[{type, key_id, message, timestamp}], oldest first; key ids and figures only.")
  @APIResponse(responseCode = "200", description = "The alerts kept in memory",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY)))
  @APIResponse(responseCode = "401", description = "Not signed in")
  @APIResponse(responseCode = "403", description = "Neither ops nor admin")
  public String alerts() {
    List<Map<String, Object>> out = new ArrayList<>();
    if (keyTriage.alerts() instanceof RecentAlerts recent) {
      for (Alert a : recent.recent()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", a.type().name().toLowerCase(Locale.ROOT));
        m.put("key_id", a.keyId());
        m.put("message", a.message());
        m.put("timestamp", a.timestamp().toString());
        out.add(m);
      }
    }
    return JsonText.write(out);
  }
}
