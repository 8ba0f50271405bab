package org.keytriage.core.alerts;

import java.util.Objects;
import org.keytriage.core.events.BudgetCrossed;
import org.keytriage.core.events.GatewayEvent;
import org.keytriage.core.events.GatewayEventListener;
import org.keytriage.core.events.KeyPenalised;

/**
 * Raises an {@link Alert} for each event people must hear about: a key penalised (rate limited,
 * circuit opened, quarantined) or a budget crossed. The engine subscribes one to its events.
 */
public final class AlertsFromEvents implements GatewayEventListener {
  private final AlertSink sink;

  public AlertsFromEvents(AlertSink sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  @Override
  public void on(GatewayEvent event) {
    if (event instanceof KeyPenalised p) {
      sink.raise(new Alert(type(p.penalty()), p.keyId(), p.detail(), p.at()));
    } else if (event instanceof BudgetCrossed b) {
      sink.raise(new Alert(b.exhausted() ? AlertType.BUDGET_EXHAUSTED : AlertType.BUDGET_WARNING,
          b.keyId(), b.detail(), b.at()));
    }
  }

  private static AlertType type(KeyPenalised.Penalty penalty) {
    return switch (penalty) {
      case RATE_LIMITED -> AlertType.RATE_LIMITED;
      case CIRCUIT_OPENED -> AlertType.CIRCUIT_OPENED;
      case QUARANTINED -> AlertType.KEY_QUARANTINED;
    };
  }
}
