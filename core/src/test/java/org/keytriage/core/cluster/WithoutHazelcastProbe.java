package org.keytriage.core.cluster;

import java.time.Clock;
import java.util.Map;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.ledger.KeyLimits;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskTypes;

/** Run by {@link InProcessWithoutHazelcastTest} in a class loader that has no Hazelcast. */
public final class WithoutHazelcastProbe {
  private WithoutHazelcastProbe() {}

  /** Uses the default cluster settings end to end; returns the key it allocated. */
  public static String run() {
    ClusterSettings settings = ClusterSettings.fromProperties(Map.of("keytriage.cluster.mode", "in-process"));
    try (ClusterBackends backends = ClusterBackends.start(settings, Clock.systemUTC());
        KeyTriage kt =
            backends.configure(
                    KeyTriage.builder(
                        KeyTriageConfig.builder()
                            .addKey(
                                ApiKeyConfig.builder("only")
                                    .apiKey("nvapi-probe-0123456789")
                                    .maxRpm(5)
                                    .maxTpm(500)
                                    .taskTypes(TaskTypes.MEDICAL_TEXT_ANALYSIS)
                                    .build())
                            .build()))
                .classLoader(WithoutHazelcastProbe.class.getClassLoader())
                .build()) {
      if (backends.instance().isPresent()) {
        throw new AssertionError("an instance in process");
      }
      if (!backends.ledger().reserve("other", new KeyLimits(1, 1), 1).isAdmitted()) {
        throw new AssertionError("in-process ledger refused");
      }
      var a = kt.allocate(TaskTypes.MEDICAL_TEXT_ANALYSIS, RoutingHints.ofTokens(10));
      a.succeeded(10, 1);
      return a.keyId();
    }
  }
}
