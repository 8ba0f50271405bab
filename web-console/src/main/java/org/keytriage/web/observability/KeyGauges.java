package org.keytriage.web.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.ToDoubleFunction;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.accounting.KeyMetrics;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.keys.CircuitState;

/**
 * Registers, at start-up, one gauge per key and figure (current RPM/TPM and limits, cost,
 * cooldown, circuit, quarantine, active, usable) and one cost gauge per configured task type, all
 * read live from {@link KeyFigures}. Tags carry key ids and task types, never a secret.
 */
@ApplicationScoped
public class KeyGauges {
  @Inject MetricRegistry registry;
  @Inject KeyTriage keyTriage;
  @Inject KeyFigures figures;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    for (ApiKeyConfig key : keyTriage.config().apiKeys()) {
      String id = key.keyId();
      gauge("keytriage.key.rpm", "Requests in the key's current 60 s window", id, KeyMetrics::currentRpm);
      gauge("keytriage.key.tpm", "Tokens in the key's current 60 s window", id, KeyMetrics::currentTpm);
      gauge("keytriage.key.rpm.limit", "The key's max_rpm", id, KeyMetrics::maxRpm);
      gauge("keytriage.key.tpm.limit", "The key's max_tpm", id, KeyMetrics::maxTpm);
      gauge("keytriage.key.cost.dollars", "Cost booked on the key since start", id, KeyMetrics::totalCost);
      gauge("keytriage.key.active", "1 when the key is switched on", id, k -> bit(k.active()));
      gauge("keytriage.key.usable", "1 when the router may use the key now", id, k -> bit(k.usable()));
      gauge("keytriage.key.cooling.down", "1 while the key cools down after a 429", id, k -> bit(k.coolingDown()));
      gauge("keytriage.key.cooldown.remaining.seconds", "Cooldown left", id, k -> k.cooldownRemainingMillis() / 1000.0);
      gauge("keytriage.key.quarantined", "1 when the upstream rejected the key's credentials", id, k -> bit(k.quarantined()));
      gauge("keytriage.key.circuit.open", "1 while the key's circuit is open", id,
          k -> bit(k.circuitState() == CircuitState.OPEN));
      gauge("keytriage.key.circuit.state", "0 closed, 1 half-open, 2 open", id, k -> circuit(k.circuitState()));
    }
    Metadata taskCost = Metadata.builder().withName("keytriage.task.cost.dollars")
        .withDescription("Cost booked for the task type since start").build();
    for (String task : keyTriage.configuredTaskTypes()) {
      registry.gauge(taskCost, figures, f -> f.taskCost(task), new Tag("task_type", task));
    }
  }

  private void gauge(String name, String description, String keyId, ToDoubleFunction<KeyMetrics> read) {
    Metadata metadata = Metadata.builder().withName(name).withDescription(description).build();
    registry.gauge(metadata, figures, f -> {
      KeyMetrics k = f.key(keyId);
      return k == null ? 0.0 : read.applyAsDouble(k);
    }, new Tag("key", keyId));
  }

  private static double bit(boolean b) {
    return b ? 1 : 0;
  }

  private static double circuit(CircuitState s) {
    return switch (s) {
      case CLOSED -> 0;
      case HALF_OPEN -> 1;
      case OPEN -> 2;
    };
  }
}
