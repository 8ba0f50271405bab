package org.keytriage.core.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.testing.MutableClock;

/** Keys whose secret is older than the rotation policy are recommended for rotation. */
class RotationAdviceTest {
  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

  private static ApiKeyConfig key(String id, Instant rotated) {
    return ApiKeyConfig.builder(id).apiKey("nvapi-rotation-advice-" + id + "-000").maxRpm(10).maxTpm(1000)
        .taskTypes("medical_text_analysis").rotatedAt(rotated).build();
  }

  @Test
  void anOldSecretIsRecommendedForRotationAndAFreshOrUnknownOneIsNot() {
    KeyTriageConfig config = KeyTriageConfig.builder()
        .addKey(key("old", NOW.minus(Duration.ofDays(120))))
        .addKey(key("fresh", NOW.minus(Duration.ofDays(10))))
        .addKey(key("unknown", null))
        .build();
    try (KeyTriage kt = KeyTriage.builder(config).clock(new MutableClock(NOW)).build()) {
      OptimizationReport report = kt.optimize();
      assertThat(report.recommendations()).filteredOn(r -> r.type().equals("rotation_due"))
          .singleElement().satisfies(r -> {
            assertThat(r.subject()).isEqualTo("old");
            assertThat(r.message()).contains("120 days old").contains("90 days").contains("/api/v1/keys/old/rotate");
          });
    }
    try (KeyTriage strict = KeyTriage.builder(config).clock(new MutableClock(NOW)).rotationMaxAge(Duration.ofDays(7))
        .build()) {
      assertThat(strict.optimize().recommendations()).filteredOn(r -> r.type().equals("rotation_due")).hasSize(2);
    }
  }
}
