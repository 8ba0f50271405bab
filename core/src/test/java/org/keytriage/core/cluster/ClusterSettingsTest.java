package org.keytriage.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keytriage.core.cluster.internal.EmbeddedMember;
import org.keytriage.core.cluster.internal.GridMaps;

class ClusterSettingsTest {

  @Test
  void defaultsNeedNoGridAndAreTheDocumentedOnes() {
    ClusterSettings d = ClusterSettings.defaults();
    assertThat(d.mode()).isEqualTo(ClusterMode.IN_PROCESS);
    assertThat(d.clusterName()).isEqualTo("keytriage");
    assertThat(d.members()).containsExactly("127.0.0.1");
    assertThat(d.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(d.port()).isEqualTo(5701);
    assertThat(d.portAutoIncrement()).isTrue();
    assertThat(d.operationTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(d.failureMode()).isEqualTo(FailureMode.FAIL_CLOSED);
    assertThat(d.expectedMembers()).isEqualTo(3);
    assertThat(d.degradedShare()).isEqualTo(1.0 / 3);
    assertThat(d.degradedRecheck()).isEqualTo(Duration.ofSeconds(1));
    assertThat(d.usageReadMaxAge()).isEqualTo(Duration.ofSeconds(1));
    assertThat(d.mapPrefix()).isEqualTo("keytriage.");
    assertThat(d.jndiName()).isEqualTo("payara/Hazelcast");
    assertThat(d.clientConnectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.metricsPublishInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(d.hazelcastProperties()).isEmpty();
  }

  @Test
  void readsEveryPropertyAndIgnoresOthers() {
    ClusterSettings s =
        ClusterSettings.fromProperties(
            Map.ofEntries(
                Map.entry("keytriage.cluster.mode", "Embedded"),
                Map.entry("keytriage.cluster.name", "ward-7"),
                Map.entry("keytriage.cluster.members", "10.0.0.1:5701, 10.0.0.2:5701,"),
                Map.entry("keytriage.cluster.bind-address", "10.0.0.1"),
                Map.entry("keytriage.cluster.port", "5801"),
                Map.entry("keytriage.cluster.port-auto-increment", "false"),
                Map.entry("keytriage.cluster.operation-timeout", "250ms"),
                Map.entry("keytriage.cluster.failure-mode", "degrade"),
                Map.entry("keytriage.cluster.expected-members", "4"),
                Map.entry("keytriage.cluster.degraded-recheck", "2s"),
                Map.entry("keytriage.cluster.usage-read-max-age", "0"),
                Map.entry("keytriage.cluster.map-prefix", "ward7."),
                Map.entry("keytriage.cluster.jndi-name", "java:global/grid"),
                Map.entry("keytriage.cluster.client-connect-timeout", "PT30S"),
                Map.entry("keytriage.cluster.metrics-publish-interval", "1m"),
                Map.entry("keytriage.cluster.hazelcast.hazelcast.logging.type", "slf4j"),
                Map.entry("keytriage.other", "ignored")));
    assertThat(s.mode()).isEqualTo(ClusterMode.EMBEDDED);
    assertThat(s.clusterName()).isEqualTo("ward-7");
    assertThat(s.members()).containsExactly("10.0.0.1:5701", "10.0.0.2:5701");
    assertThat(s.bindAddress()).isEqualTo("10.0.0.1");
    assertThat(s.port()).isEqualTo(5801);
    assertThat(s.portAutoIncrement()).isFalse();
    assertThat(s.operationTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(s.failureMode()).isEqualTo(FailureMode.DEGRADE);
    assertThat(s.degradedShare()).isEqualTo(0.25);
    assertThat(s.degradedRecheck()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.usageReadMaxAge()).isEqualTo(Duration.ZERO);
    assertThat(s.mapPrefix()).isEqualTo("ward7.");
    assertThat(s.jndiName()).isEqualTo("java:global/grid");
    assertThat(s.clientConnectTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.metricsPublishInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.hazelcastProperties()).containsExactly(Map.entry("hazelcast.logging.type", "slf4j"));
    assertThat(ClusterSettings.fromProperties(Map.of("keytriage.cluster.mode", "in_process")).mode())
        .isEqualTo(ClusterMode.IN_PROCESS);
  }

  @Test
  void badValuesNameThePropertyTheValueAndTheFix() {
    assertThatThrownBy(() -> ClusterSettings.fromProperties(Map.of("keytriage.cluster.mode", "multicast")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("keytriage.cluster.mode = 'multicast'")
        .hasMessageContaining("in-process, embedded, client, jndi");
    assertThatThrownBy(() -> ClusterSettings.fromProperties(Map.of("keytriage.cluster.operation-timeout", "soon")))
        .hasMessageContaining("keytriage.cluster.operation-timeout = 'soon'")
        .hasMessageContaining("500ms");
    assertThatThrownBy(() -> ClusterSettings.fromProperties(Map.of("keytriage.cluster.operation-timeout", "0ms")))
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> ClusterSettings.fromProperties(Map.of("keytriage.cluster.expected-members", "0")))
        .hasMessageContaining("expected members must be >= 1");
    assertThatThrownBy(() -> ClusterSettings.fromProperties(Map.of("keytriage.cluster.port", "99999")))
        .hasMessageContaining("port must be 1..65535");
    assertThatThrownBy(() -> ClusterSettings.fromProperties(Map.of("keytriage.cluster.members", " , ")))
        .hasMessageContaining("member list is empty");
    assertThatThrownBy(() -> ClusterSettings.fromProperties(Map.of("keytriage.cluster.timeout", "1s")))
        .hasMessageContaining("unknown property")
        .hasMessageContaining("operation-timeout");
  }

  @Test
  void toBuilderKeepsEverySetting() {
    ClusterSettings s =
        ClusterSettings.builder().mode(ClusterMode.CLIENT).members("a:1", "b:2").expectedMembers(5)
            .hazelcastProperty("x", "y").build();
    assertThat(s.toBuilder().build()).usingRecursiveComparison().isEqualTo(s);
  }

  @Test
  void embeddedMemberBindsToOneAddressAndJoinsOnlyTheListedMembers() {
    ClusterSettings s =
        ClusterSettings.builder()
            .mode(ClusterMode.EMBEDDED)
            .members("10.0.0.1:5701", "10.0.0.2:5701")
            .bindAddress("10.0.0.1")
            .hazelcastProperty("hazelcast.logging.type", "none")
            .build();
    Config c = EmbeddedMember.config(s, new GridMaps(s.mapPrefix()));
    assertThat(c.getClusterName()).isEqualTo("keytriage");
    assertThat(c.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(c.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
    assertThat(c.getProperty("hazelcast.logging.type")).isEqualTo("none");
    assertThat(c.getNetworkConfig().getPort()).isEqualTo(5701);
    assertThat(c.getNetworkConfig().getInterfaces().isEnabled()).isTrue();
    assertThat(c.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("10.0.0.1");
    JoinConfig join = c.getNetworkConfig().getJoin();
    assertThat(join.getMulticastConfig().isEnabled()).as("never multicast").isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    assertThat(join.getTcpIpConfig().getMembers()).containsExactly("10.0.0.1:5701", "10.0.0.2:5701");

    MapConfig usage = c.getMapConfig("keytriage.usage");
    assertThat(usage.getBackupCount()).isEqualTo(1);
    assertThat(usage.getAsyncBackupCount()).isZero();
    assertThat(usage.getNearCacheConfig()).as("no near cache").isNull();
    assertThat(usage.getInMemoryFormat()).isEqualTo(InMemoryFormat.OBJECT);
    assertThat(usage.getMergePolicyConfig().getPolicy()).isEqualTo(MaxUsageMergePolicy.class.getName());
    for (String name :
        List.of("keytriage.key-states", "keytriage.budget-spend", "keytriage.member-metrics", "keytriage.strategy-choices")) {
      assertThat(c.getMapConfig(name).getBackupCount()).as(name).isEqualTo(1);
      assertThat(c.getMapConfig(name).getNearCacheConfig()).as(name).isNull();
    }
  }
}
