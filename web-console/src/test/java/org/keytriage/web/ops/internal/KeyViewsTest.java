package org.keytriage.web.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keytriage.core.accounting.KeyMetrics;
import org.keytriage.core.config.ApiKeyConfig;

class KeyViewsTest {

  @Test
  void theSecretIsOnlyShownMasked() {
    ApiKeyConfig key = ApiKeyConfig.builder("k1").apiKey("nvapi-abcdefghijklmnopWXYZ").maxRpm(10).maxTpm(100)
        .taskTypes("batch_processing").baseUrl("https://user:pw@nim.example.org/base").build();
    KeyMetrics m = new KeyMetrics("k1", List.of("batch_processing"), false, 1, 0.0, 10, 100, true, false, false,
        2, 20, 5, 5, 0, 100, 12.5, 12.5, 200, 0.02);
    Map<String, Object> v = KeyViews.view(key, m);
    assertThat(v.get("api_key")).isEqualTo("nvapi-\u2026WXYZ");
    assertThat(v.toString()).doesNotContain("abcdefghijklmnop").doesNotContain("user:pw");
    assertThat(v.get("base_url")).isEqualTo("https://nim.example.org/base");
    assertThat(v.get("status")).isEqualTo("available");
    @SuppressWarnings("unchecked")
    Map<String, Object> usage = (Map<String, Object>) v.get("usage");
    assertThat(usage).containsEntry("current_rpm", 2L).containsEntry("current_tpm", 20L);
  }

  @Test
  void statusNamesTheMostSeriousState() {
    KeyMetrics inactive = new KeyMetrics("k", List.of(), false, 1, 0, 1, 1, false, true, true, 0, 0, 0, 0, 0, 100, 0, -1, 0, 0);
    KeyMetrics quarantined = new KeyMetrics("k", List.of(), false, 1, 0, 1, 1, true, true, true, 0, 0, 0, 0, 0, 100, 0, -1, 0, 0);
    KeyMetrics cooling = new KeyMetrics("k", List.of(), false, 1, 0, 1, 1, true, false, true, 0, 0, 0, 0, 0, 100, 0, -1, 0, 0);
    assertThat(inactive.status()).isEqualTo("inactive");
    assertThat(quarantined.status()).isEqualTo("quarantined");
    assertThat(cooling.status()).isEqualTo("cooling_down");
  }
}
