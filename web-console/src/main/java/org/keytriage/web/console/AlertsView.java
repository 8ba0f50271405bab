package org.keytriage.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.alerts.Alert;
import org.keytriage.core.alerts.RecentAlerts;
import org.keytriage.core.audit.AuditRecord;
import org.keytriage.web.console.internal.Messages;
import org.keytriage.web.engine.KeyTriageEngine;

/**
 * This node's recent alerts, newest first; ops and admins acknowledge them (audited), so the next
 * operator sees what was looked at already.
 */
@Named
@ViewScoped
public class AlertsView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject KeyTriageEngine engine;
  @Inject ConsoleSession operator;

  /** One alert and its acknowledgement, if any. */
  public record Row(int index, String type, String keyId, String message, String at, String acknowledgedBy,
      String acknowledgedAt) implements Serializable {
    public boolean acknowledged() {
      return acknowledgedBy != null;
    }
  }

  private List<Row> rows = List.of();
  private transient List<Alert> alerts = List.of();

  @PostConstruct
  void load() {
    List<Row> out = new ArrayList<>();
    List<Alert> kept = new ArrayList<>();
    if (engine.running().alerts() instanceof RecentAlerts recent) {
      List<Alert> all = new ArrayList<>(recent.recent());
      java.util.Collections.reverse(all);
      for (Alert a : all) {
        var ack = recent.acknowledgement(a);
        out.add(new Row(kept.size(), a.type().name().toLowerCase(Locale.ROOT), a.keyId(), a.message(),
            a.timestamp().toString(), ack.map(RecentAlerts.Acknowledgement::by).orElse(null),
            ack.map(x -> x.at().toString()).orElse(null)));
        kept.add(a);
      }
    }
    rows = out;
    alerts = kept;
  }

  public void acknowledge(int index) {
    KeyTriage kt = engine.running();
    if (alerts == null || index < 0 || index >= alerts.size() || !(kt.alerts() instanceof RecentAlerts recent)) {
      Messages.error("Not acknowledged", "That alert is no longer kept; the list was reloaded.");
      load();
      return;
    }
    Alert alert = alerts.get(index);
    String who = operator.actor();
    if (recent.acknowledge(alert, who, kt.clock().instant())) {
      kt.audit().ifPresent(a -> a.recordNow(new AuditRecord(kt.clock().instant(), who, "alert.acknowledged",
          alert.keyId() == null ? "" : alert.keyId(), Map.of("type", alert.type().name().toLowerCase(Locale.ROOT),
              "raised_at", alert.timestamp().toString()))));
      Messages.info("Acknowledged", alert.message());
    }
    load();
  }

  public void refresh() {
    load();
  }

  public List<Row> getRows() {
    return rows;
  }
}
