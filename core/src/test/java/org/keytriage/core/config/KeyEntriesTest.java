package org.keytriage.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One key as JSON, read with the loader's checks: what the operators' API takes. */
class KeyEntriesTest {
  private static final Set<String> TASKS = Set.of("medical_text_analysis", "genomics_analysis");
  private static final String SECRET = "nvapi-key-entries-secret-0042";

  private static String entry(String extra) {
    return "{\"key_id\":\"k_new\",\"api_key\":\"" + SECRET + "\",\"max_rpm\":100,\"max_tpm\":5000,\"priority\":2,"
        + "\"task_types\":[\"medical_text_analysis\"],\"cost_per_token\":0.0002" + extra + "}";
  }

  @Test
  void aKeyIsReadWithTheGuidesFieldsAndDefaults() {
    ApiKeyConfig k = KeyEntries.read(entry(",\"rotated_at\":\"2026-09-01\""), TASKS, "request body");

    assertThat(k.keyId()).isEqualTo("k_new");
    assertThat(k.apiKey().reveal()).isEqualTo(SECRET);
    assertThat(k.baseUrl()).isEqualTo(ApiKeyConfig.DEFAULT_BASE_URL);
    assertThat(k.rotatedAt()).contains(Instant.parse("2026-09-01T00:00:00Z"));
  }

  @Test
  void problemsNameTheFieldAndTheFixNeverTheSecret() {
    assertThatThrownBy(() -> KeyEntries.read(entry(",\"max_rpm\":0"), TASKS, "request body"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("max_rpm")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    assertThatThrownBy(() -> KeyEntries.read(entry("").replace("medical_text_analysis", "x_ray"), TASKS, "request body"))
        .hasMessageContaining("x_ray");
    assertThatThrownBy(() -> KeyEntries.read(entry("").replace(SECRET, "${NVIDIA_KEY}"), TASKS, "request body"))
        .hasMessageContaining("api_key must be the secret itself");
    assertThatThrownBy(() -> KeyEntries.read("{\"key_id\":", TASKS, "request body")).isInstanceOf(ConfigException.class);
  }

  @Test
  void aChangeReplacesOnlyTheFieldsGivenAndKeepsTheSecret() {
    ApiKeyConfig current = KeyEntries.read(entry(""), TASKS, "request body");

    ApiKeyConfig changed = KeyEntries.change(current,
        "{\"max_rpm\":250,\"task_types\":[\"genomics_analysis\"],\"daily_budget\":12.5}", TASKS, "request body");

    assertThat(changed.maxRpm()).isEqualTo(250);
    assertThat(changed.maxTpm()).isEqualTo(5000);
    assertThat(changed.taskTypes()).containsExactly("genomics_analysis");
    assertThat(changed.dailyBudget()).isEqualTo(12.5);
    assertThat(changed.apiKey()).isSameAs(current.apiKey());
    assertThatThrownBy(() -> KeyEntries.change(current, "{\"api_key\":\"nvapi-other\"}", TASKS, "request body"))
        .hasMessageContaining("/api/v1/keys/k_new/rotate");
    assertThatThrownBy(() -> KeyEntries.change(current, "{\"priority\":\"high\"}", TASKS, "request body"))
        .hasMessageContaining("priority");
  }

  @Test
  void aStoredKeyComesBackWithItsSecret() {
    ApiKeyConfig k = KeyEntries.read(entry(",\"rotated_at\":\"2026-09-01T08:00:00Z\",\"daily_budget\":3"), TASKS, "x");

    String stored = KeyEntries.withoutSecret(k);
    ApiKeyConfig back = KeyEntries.stored(stored, Secret.of(SECRET));

    assertThat(stored).doesNotContain(SECRET);
    assertThat(KeyEntries.describe(k)).contains("\u20260042").doesNotContain(SECRET);
    assertThat(KeyEntries.fields(back)).isEqualTo(KeyEntries.fields(k));
    assertThat(back.apiKey()).isEqualTo(k.apiKey());
  }
}
