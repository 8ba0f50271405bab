package org.keytriage.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import org.keytriage.core.accounting.KeyMetrics;
import org.keytriage.core.alerts.AlertType;
import org.keytriage.core.routing.NoAvailableKeyException;
import org.keytriage.simulator.KeyBehaviour;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Budgets, booked from real calls' cost per UTC day of the shared clock. A chat call here costs
 * some 20 to 90 tokens.
 */
class BudgetRoutingTest {
  private static final KeyBehaviour OK = KeyBehaviour.defaults();

  private SimulatedUpstream up;

  @AfterEach
  void close() {
    up.close();
  }

  @Test
  void aKeyPastItsDailyBudgetIsExcludedUntilTheNextUtcDay() {
    up = new SimulatedUpstream()
        .key("capped", 5, OK, b -> b.costPerToken(0.1).dailyBudget(1.0))
        .key("other", 1, OK)
        .start();

    GatewayResponse first = up.ask("first");
    assertThat(first.keyId()).isEqualTo("capped");
    assertThat(first.cost()).isGreaterThan(1.0);
    assertThat(up.alerts.recent(AlertType.BUDGET_EXHAUSTED)).singleElement()
        .satisfies(a -> assertThat(a.keyId()).isEqualTo("capped"));
    KeyMetrics m = up.keyTriage.metrics().keyMetrics().get("capped");
    assertThat(m.dailySpend()).isCloseTo(first.cost(), offset(1e-9));
    assertThat(m.budgetUtilisation()).isGreaterThanOrEqualTo(1.0);
    assertThat(m.usable()).isFalse();

    GatewayResponse second = up.ask("second");
    assertThat(second.keyId()).isEqualTo("other");
    assertThat(second.attempts()).isEqualTo(1);
    assertThat(up.calls("capped")).isEqualTo(1);

    up.clock.advance(Duration.ofDays(1));
    assertThat(up.ask("a new day").keyId()).isEqualTo("capped");
  }

  @Test
  void aKeyPastEightyPercentIsDemotedBehindACheaperKeyButStillUsedAsOverflow() {
    up = new SimulatedUpstream()
        .key("pricey", 5, OK, b -> b.costPerToken(0.01).dailyBudget(5.0))
        .key("cheap", 1, OK, b -> b.costPerToken(0.001).maxRpm(1))
        .start();
    up.keyTriage.budgets().book("pricey", 3.95); // spent earlier today: 79 %

    GatewayResponse crossing = up.ask("crosses the warning share");
    assertThat(crossing.keyId()).isEqualTo("pricey");
    assertThat(3.95 + crossing.cost()).isBetween(4.0, 5.0);
    assertThat(up.alerts.recent(AlertType.BUDGET_WARNING)).singleElement()
        .satisfies(a -> assertThat(a.keyId()).isEqualTo("pricey"));
    assertThat(up.keyTriage.metrics().keyMetrics().get("pricey").budgetUtilisation()).isBetween(0.8, 1.0);

    assertThat(up.ask("demoted").keyId()).isEqualTo("cheap");
    // cheap is now at its 1 RPM: the demoted key still takes the overflow
    assertThat(up.ask("overflow").keyId()).isEqualTo("pricey");
  }

  @Test
  void anExhaustedGlobalBudgetStopsEveryKey() {
    up = new SimulatedUpstream()
        .key("a", 5, OK, b -> b.costPerToken(0.01))
        .key("b", 1, OK, b -> b.costPerToken(0.01))
        .settings(UpstreamSettings.builder().globalDailyBudget(0.1).build())
        .start();

    up.ask("spends the whole budget");

    assertThatThrownBy(() -> up.ask("nothing left"))
        .isInstanceOf(NoAvailableKeyException.class)
        .hasMessageContaining("2 over budget");
    assertThat(up.alerts.recent(AlertType.BUDGET_EXHAUSTED)).singleElement()
        .satisfies(a -> assertThat(a.global()).isTrue());
    assertThat(up.totalCalls()).isEqualTo(1);
  }
}
