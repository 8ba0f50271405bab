package org.keytriage.core.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.alerts.AlertType;
import org.keytriage.core.alerts.RecentAlerts;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.keys.CooldownPolicy;
import org.keytriage.core.testing.MutableClock;

class KeyPenaltiesTest {
  private final MutableClock clock = new MutableClock();
  private final RecentAlerts alerts = new RecentAlerts();
  private final KeyTriage kt =
      KeyTriage.builder(
              KeyTriageConfig.builder()
                  .addKey(ApiKeyConfig.builder("k1").apiKey("nvapi-secret-value-0001").maxRpm(10).maxTpm(1000)
                      .taskTypes("medical_text_analysis").build())
                  .build())
          .clock(clock)
          .alerts(alerts)
          .build();
  private final KeyPenalties penalties = new KeyPenalties(kt.keys(), CooldownPolicy.DEFAULT, kt.clock(), kt.events());

  @AfterEach
  void close() {
    kt.close();
  }

  @Test
  void without429RetryAfterTheCooldownDoublesPerConsecutive429() {
    long t0 = clock.millis();
    assertThat(penalties.rateLimited("k1", null)).isEqualTo(Duration.ofSeconds(1));
    assertThat(kt.state("k1").cooldownUntilMillis()).isEqualTo(t0 + 1_000);
    clock.advance(Duration.ofSeconds(1));
    assertThat(penalties.rateLimited("k1", null)).isEqualTo(Duration.ofSeconds(2));
    clock.advance(Duration.ofSeconds(2));
    assertThat(penalties.rateLimited("k1", null)).isEqualTo(Duration.ofSeconds(4));
    assertThat(kt.state("k1").rateLimitStreak()).isEqualTo(3);
  }

  @Test
  void retryAfterWinsAndTheAlertNamesTheKeyButNotTheSecret() {
    long t0 = clock.millis();
    penalties.rateLimited("k1", Duration.ofSeconds(17));
    assertThat(kt.state("k1").cooldownUntilMillis()).isEqualTo(t0 + 17_000);
    assertThat(alerts.recent(AlertType.RATE_LIMITED)).singleElement()
        .satisfies(a -> {
          assertThat(a.keyId()).isEqualTo("k1");
          assertThat(a.message()).startsWith("Rate limit hit for API key: k1").doesNotContain("nvapi-secret");
        });
  }

  @Test
  void quarantineIsAlertedOnce() {
    penalties.quarantined("k1", 401);
    penalties.quarantined("k1", 401);
    assertThat(kt.state("k1").quarantined()).isTrue();
    assertThat(alerts.recent(AlertType.KEY_QUARANTINED)).hasSize(1);
  }
}
