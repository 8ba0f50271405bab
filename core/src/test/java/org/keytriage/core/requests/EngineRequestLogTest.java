package org.keytriage.core.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.audit.AuditEntry;
import org.keytriage.core.audit.AuditQuery;
import org.keytriage.core.audit.AuditTrail;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.events.Origin;
import org.keytriage.core.events.RequestServed;
import org.keytriage.core.testing.MutableClock;
import org.keytriage.spi.RoutingHints;

/** The engine with a request log and an audit trail: rows written, budgets restored, changes audited. */
class EngineRequestLogTest {
  private static final Instant NOW = Instant.parse("2026-12-02T15:30:00Z");
  private final MutableClock clock = new MutableClock(NOW);

  private static KeyTriageConfig config() {
    return KeyTriageConfig.builder()
        .addKey(ApiKeyConfig.builder("k1").apiKey("nvapi-engine-request-log-secret-1").maxRpm(60).maxTpm(10_000)
            .taskTypes("medical_text_analysis").dailyBudget(10).monthlyBudget(100).build())
        .build();
  }

  @Test
  void aRestartedEngineCountsTheSpendOfItsHistoryAgainstBudgets() {
    RequestLogStore history = RequestLogStore.inProcess();
    history.append(List.of(
        new RequestRecord("yesterday", NOW.minusSeconds(86_400), "ehr", Origin.OPENAI, "medical_text_analysis", "k1",
            1, 10, 10, 3.0, 100, RequestRecord.OK),
        new RequestRecord("today", NOW.minusSeconds(3600), "ehr", Origin.OPENAI, "medical_text_analysis", "k1", 1, 10,
            10, 1.5, 100, RequestRecord.OK)));

    try (KeyTriage kt = KeyTriage.builder(config()).clock(clock)
        .requestLog(history, RequestLogSettings.DEFAULTS).build()) {
      assertThat(kt.budgets().spend("k1").today()).isCloseTo(1.5, within(1e-9));
      assertThat(kt.budgets().spend("k1").thisMonth()).isCloseTo(4.5, within(1e-9));
      assertThat(kt.budgets().totalSpend().thisMonth()).isCloseTo(4.5, within(1e-9));
    }
  }

  @Test
  void requestsAreLoggedAndOperatorChangesAudited() {
    RequestLogStore rows = RequestLogStore.inProcess();
    AuditTrail trail = AuditTrail.inProcess();
    try (KeyTriage kt = KeyTriage.builder(config()).clock(clock)
        .requestLog(rows, RequestLogSettings.DEFAULTS).auditTrail(trail).build()) {
      kt.events().publish(new RequestServed(NOW, "r-9", "medical_text_analysis", Origin.OPENAI, "ehr",
          RoutingHints.DEFAULT, null, "k1", 3, 4, 0.25, 1, 50, 60_000_000L, false));
      kt.keys().setActive("k1", false, "admin", "maintenance window");
    }

    assertThat(rows.find(RequestQuery.all()).rows()).extracting(RequestRecord::requestId).containsExactly("r-9");
    List<AuditEntry> audited = trail.find(AuditQuery.all());
    assertThat(audited).extracting(e -> e.record().action()).containsExactly("key.deactivated", "config.loaded");
    assertThat(audited.get(0).record().actor()).isEqualTo("admin");
    assertThat(audited.get(0).record().details()).containsEntry("reason", "maintenance window");
    assertThat(trail.verify().intact()).isTrue();
  }
}
