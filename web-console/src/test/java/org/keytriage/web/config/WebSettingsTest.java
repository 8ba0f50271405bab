package org.keytriage.web.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keytriage.core.upstream.UpstreamSettings;

class WebSettingsTest {

  private static WebSettings of(Map<String, String> values) {
    return WebSettings.from(new MapSettings(values));
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    WebSettings s = of(Map.of());
    assertThat(s.configDir()).isEqualTo(Path.of("."));
    assertThat(s.pluginsDir()).isEmpty();
    assertThat(s.defaultTaskType()).isEmpty();
    assertThat(s.requestDeadline()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.attemptTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.upstreamHttp2()).isFalse();
    assertThat(s.maxRequestBytes()).isEqualTo(1_048_576);
    assertThat(s.maxConcurrentStreams()).isEqualTo(200);
    assertThat(s.modelsCache()).isEqualTo(Duration.ofSeconds(300));
    assertThat(s.integrators()).isEmpty();
    assertThat(s.users()).isEmpty();
  }

  @Test
  void batchSettingsHaveTheDocumentedDefaultsAndCanBeSet() {
    assertThat(of(Map.of()).batch()).isEqualTo(BatchSettings.defaults());
    assertThat(BatchSettings.defaults()).isEqualTo(
        new BatchSettings(1000, 4, 16, 100, Duration.ofMinutes(60), 16L * 1024 * 1024));
    BatchSettings b = of(Map.of(WebSettings.BATCH_MAX_ITEMS, "250", WebSettings.BATCH_CONCURRENCY, "2",
        WebSettings.BATCH_RETENTION, "5")).batch();
    assertThat(b.maxItems()).isEqualTo(250);
    assertThat(b.concurrency()).isEqualTo(2);
    assertThat(b.retention()).isEqualTo(Duration.ofMinutes(5));
    assertThatThrownBy(() -> of(Map.of(WebSettings.BATCH_CONCURRENCY, "0")))
        .hasMessageContaining("keytriage.batch.concurrency");
  }

  @Test
  void valuesAreTrimmedAndBlankMeansUnset() {
    WebSettings s = of(Map.of(WebSettings.DEFAULT_TASK_TYPE, "  batch_processing ", WebSettings.PLUGINS_DIR, "  ",
        WebSettings.REQUEST_DEADLINE, "90"));
    assertThat(s.defaultTaskType()).contains("batch_processing");
    assertThat(s.pluginsDir()).isEmpty();
    assertThat(s.requestDeadline()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void aBadNumberNamesThePropertyAndTheDefault() {
    assertThatThrownBy(() -> of(Map.of(WebSettings.MAX_REQUEST_BYTES, "lots")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keytriage.max-request-bytes").hasMessageContaining("'lots'").hasMessageContaining("1048576");
    assertThatThrownBy(() -> of(Map.of(WebSettings.REQUEST_DEADLINE, "0")))
        .hasMessageContaining("keytriage.request-deadline-seconds must be a duration > 0");
    assertThatThrownBy(() -> of(Map.of(WebSettings.UPSTREAM_HTTP2, "yes")))
        .hasMessage("keytriage.upstream-http2 must be true or false, not 'yes' (default false)");
    assertThat(of(Map.of(WebSettings.UPSTREAM_HTTP2, " TRUE ")).upstreamHttp2()).isTrue();
  }

  @Test
  void toStringShowsNoCredentialLists() {
    WebSettings s = of(Map.of(WebSettings.INTEGRATORS, "ehr:abc:*", WebSettings.USERS, "alice:admin:PBKDF2"));
    assertThat(s.toString()).doesNotContain("ehr:abc").doesNotContain("PBKDF2");
  }

  @Test
  void durationsTakePlainSecondsAsAlwaysOrAUnit() {
    WebSettings s = of(Map.of(WebSettings.REQUEST_DEADLINE, "20", WebSettings.ATTEMPT_TIMEOUT, "2500ms",
        WebSettings.CONNECT_TIMEOUT, "PT3S", WebSettings.MODELS_CACHE, "5m"));
    assertThat(s.requestDeadline()).isEqualTo(Duration.ofSeconds(20));
    assertThat(s.attemptTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(s.modelsCache()).isEqualTo(Duration.ofMinutes(5));
    assertThatThrownBy(() -> of(Map.of(WebSettings.ATTEMPT_TIMEOUT, "soon")))
        .hasMessageContaining("keytriage.attempt-timeout-seconds must be a duration > 0")
        .hasMessageContaining("'soon'").hasMessageContaining("default 30");
  }

  @Test
  void theUpstreamDefaultsAreTheEnginesOwn() {
    WebSettings s = of(Map.of());
    assertThat(s.requestDeadline().toSeconds()).isEqualTo(UpstreamSettings.DEFAULT_REQUEST_DEADLINE_SECONDS);
    assertThat(s.attemptTimeout().toSeconds()).isEqualTo(UpstreamSettings.DEFAULT_ATTEMPT_TIMEOUT_SECONDS);
    assertThat(s.connectTimeout().toSeconds()).isEqualTo(UpstreamSettings.DEFAULT_CONNECT_TIMEOUT_SECONDS);
  }

  @Test
  void theClusterGroupIsCollectedFromThePropertyNames() {
    WebSettings s = of(Map.of("keytriage.cluster.mode", "jndi", "keytriage.other", "x"));
    assertThat(s.clusterProperties()).containsExactly(Map.entry("keytriage.cluster.mode", "jndi"));
  }
}
