package org.keytriage.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentAlertsTest {
  private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

  @Test
  void anAcknowledgementIsKeptOnceAndGoesWithItsAlert() {
    RecentAlerts alerts = new RecentAlerts(2);
    Alert first = new Alert(AlertType.RATE_LIMITED, "k1", "Key k1 got a 429", T0);
    alerts.raise(first);

    assertThat(alerts.acknowledgement(first)).isEmpty();
    assertThat(alerts.acknowledge(first, "alice", T0.plusSeconds(5))).isTrue();
    assertThat(alerts.acknowledge(first, "bob", T0.plusSeconds(9))).isFalse();
    assertThat(alerts.acknowledgement(first)).contains(new RecentAlerts.Acknowledgement("alice", T0.plusSeconds(5)));

    alerts.raise(new Alert(AlertType.CIRCUIT_OPENED, "k2", "Circuit of k2 opened", T0.plusSeconds(10)));
    alerts.raise(new Alert(AlertType.KEY_QUARANTINED, "k3", "Key k3 quarantined", T0.plusSeconds(20)));

    assertThat(alerts.recent()).doesNotContain(first);
    assertThat(alerts.acknowledgement(first)).isEmpty();
    assertThat(alerts.acknowledge(first, "alice", T0.plusSeconds(30))).isFalse();
  }
}
