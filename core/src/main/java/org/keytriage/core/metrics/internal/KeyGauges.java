package org.keytriage.core.metrics.internal;

import java.io.IOException;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.keytriage.core.accounting.KeyMetrics;
import org.keytriage.core.keys.CircuitState;

/**
 * The per-key gauges, read from the engine's figures at scrape time rather than kept: they are
 * states and window counts that the engine already holds, so a copy could only be staler.
 */
public final class KeyGauges {
  private static final List<String> KEY = List.of("key");

  private record Gauge(String name, String help, ToDoubleFunction<KeyMetrics> read) {}

  private static final List<Gauge> GAUGES = List.of(
      new Gauge("keytriage_key_requests_in_window",
          "Requests counted against the key in its current 60 s rate window", KeyMetrics::currentRpm),
      new Gauge("keytriage_key_tokens_in_window",
          "Tokens counted against the key in its current 60 s rate window", KeyMetrics::currentTpm),
      new Gauge("keytriage_key_rpm_limit", "The key's configured max_rpm", KeyMetrics::maxRpm),
      new Gauge("keytriage_key_tpm_limit", "The key's configured max_tpm", KeyMetrics::maxTpm),
      new Gauge("keytriage_key_active", "1 when the key is switched on, else 0", k -> bit(k.active())),
      new Gauge("keytriage_key_usable",
          "1 when the router may use the key now (active, not quarantined, not cooling down, circuit not open,"
              + " budget left), else 0", k -> bit(k.usable())),
      new Gauge("keytriage_key_cooling_down", "1 while the key cools down after a 429, else 0",
          k -> bit(k.coolingDown())),
      new Gauge("keytriage_key_cooldown_remaining_seconds", "Seconds of cooldown the key has left, 0 when none",
          k -> k.cooldownRemainingMillis() / 1000.0),
      new Gauge("keytriage_key_quarantined",
          "1 when the upstream rejected the key's credentials and it waits for an operator's restore, else 0",
          k -> bit(k.quarantined())),
      new Gauge("keytriage_key_circuit_state", "The key's circuit breaker: 0 closed, 1 half-open, 2 open",
          k -> circuit(k.circuitState())),
      new Gauge("keytriage_key_budget_utilisation_ratio",
          "Share of the tightest budget that applies to the key spent, 0 to 1 (above 1 when overspent);"
              + " 0 when no budget applies", KeyMetrics::budgetUtilisation));

  private KeyGauges() {}

  /** Writes every gauge family, one sample per key, in the order given. */
  public static void writeTo(Appendable out, List<KeyMetrics> keys) throws IOException {
    for (Gauge g : GAUGES) {
      TextFormat.header(out, g.name(), g.help(), "gauge");
      for (KeyMetrics k : keys) {
        TextFormat.sample(out, g.name(), KEY, List.of(k.keyId()), TextFormat.number(g.read().applyAsDouble(k)));
      }
    }
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
