package org.keytriage.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.keys.KeyState;
import org.keytriage.core.keys.KeyStateStore;
import org.keytriage.core.ledger.DenialReason;
import org.keytriage.core.ledger.KeyLimits;
import org.keytriage.core.ledger.Reservation;
import org.keytriage.core.ledger.ReserveResult;
import org.keytriage.core.ledger.UsageLedger;
import org.keytriage.core.testing.MutableClock;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskTypes;

/**
 * What each failure mode does when the grid cannot answer: a client whose cluster was shut down,
 * and a member whose operations on a key wait behind a stuck one. Every decision is made within the
 * configured timeout (plus {@link #SCHEDULING_SLACK} for a busy test machine).
 */
class FailureModeTest {
  private static final Duration TIMEOUT = Duration.ofMillis(300);
  /** Thread scheduling on a loaded 2-core machine; the decision itself is bounded by TIMEOUT. */
  private static final Duration SCHEDULING_SLACK = Duration.ofMillis(400);

  private final MutableClock clock = new MutableClock();
  private final KeyLimits limits = new KeyLimits(10, 10_000);
  private TestGrid grid;
  private ClusterBackends backends;

  @AfterEach
  void stop() {
    if (backends != null) {
      backends.close();
    }
    if (grid != null) {
      grid.close();
    }
  }

  private ClusterSettings clientOf(TestGrid g, FailureMode mode) {
    return ClusterSettings.builder()
        .mode(ClusterMode.CLIENT)
        .clusterName(g.settings().clusterName())
        .members(g.settings().members())
        .operationTimeout(TIMEOUT)
        .failureMode(mode)
        .expectedMembers(2)
        .degradedRecheck(Duration.ofSeconds(30))
        .build();
  }

  private static <T> T timed(String what, Supplier<T> call, Duration max) {
    long start = System.nanoTime();
    try {
      return call.get();
    } finally {
      long took = System.nanoTime() - start;
      assertThat(Duration.ofNanos(took)).as(what + " decided in time").isLessThanOrEqualTo(max);
    }
  }

  private static Duration withinTimeout() {
    return TIMEOUT.plus(SCHEDULING_SLACK);
  }

  // ---- a client whose cluster is gone ----------------------------------------------------------

  @Test
  void failClosedClientRefusesWithAClearErrorOnceItsClusterIsGone() {
    grid = TestGrid.start(FailureModeTest.class, 1);
    backends = ClusterBackends.start(clientOf(grid, FailureMode.FAIL_CLOSED), clock);
    UsageLedger ledger = backends.ledger();
    KeyStateStore states = backends.keyStates();
    String key = "closed-" + System.nanoTime();
    Reservation held = ledger.reserve(key, limits, 100).reservation();
    assertThat(held).isNotNull();
    KeyTriage engine = backends.configure(KeyTriage.builder(config(key))).build();

    grid.close();

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> timed("reserve", () -> ledger.reserve(key, limits, 100), withinTimeout()))
          .isInstanceOf(LedgerUnavailableException.class)
          .hasMessageContaining("reserve on key '" + key + "'")
          .hasMessageContaining(grid.settings().clusterName())
          .hasMessageContaining("keytriage.cluster.operation-timeout is 300 ms")
          .hasMessageContaining("requests are refused rather than risk a key exceeding its limits")
          .hasMessageContaining("Check that the cluster members are running");
    }
    assertThatThrownBy(() -> timed("state read", () -> states.get(key, KeyState.initial(true)), withinTimeout()))
        .isInstanceOf(LedgerUnavailableException.class);
    // the API maps this to 503
    assertThatThrownBy(() -> engine.allocate(TaskTypes.MEDICAL_TEXT_ANALYSIS, RoutingHints.ofTokens(10)))
        .isInstanceOf(LedgerUnavailableException.class);
    // completing a call made before the outage never throws: the grid keeps the estimate (safe)
    timed("settle", () -> ledger.settle(held, 50), withinTimeout());
    timed("usage", () -> ledger.usage(key), withinTimeout());
    engine.close();
  }

  @Test
  void degradedClientAdmitsItsShareLocallyOnceItsClusterIsGone() {
    grid = TestGrid.start(FailureModeTest.class, 1);
    backends = ClusterBackends.start(clientOf(grid, FailureMode.DEGRADE), clock);
    UsageLedger ledger = backends.ledger();
    KeyStateStore states = backends.keyStates();
    String key = "degraded-" + System.nanoTime();
    Reservation held = ledger.reserve(key, limits, 100).reservation();
    states.update(key, KeyState.initial(true), s -> s.cooledUntil(clock.millis() + 30_000));
    String other = key + "-other";
    KeyTriage engine = backends.configure(KeyTriage.builder(config(other))).build();

    grid.close();

    // expected members 2: this node alone admits 10 / 2 = 5 requests of the key's 10
    for (int i = 0; i < 5; i++) {
      ReserveResult r = timed("local reserve " + i, () -> ledger.reserve(key, limits, 100), withinTimeout());
      assertThat(r.isAdmitted()).as("local admission %d", i).isTrue();
    }
    ReserveResult refused = timed("local refusal", () -> ledger.reserve(key, limits, 100), withinTimeout());
    assertThat(refused.denialReason()).isEqualTo(DenialReason.RPM_LIMIT);
    // only the first failure waited for the grid; the rest were decided at once
    timed("a decision while degraded", () -> ledger.reserve(key, limits, 100), Duration.ofMillis(100));
    // more than this node's share of the tokens is refused for now, never "too large" for ever
    ReserveResult big = ledger.reserve(key + "-big", limits, 6_000);
    assertThat(big.denialReason()).isEqualTo(DenialReason.TPM_LIMIT);
    assertThat(big.retryAfterMillis()).isLessThan(Long.MAX_VALUE);

    // key states: the last copy this node saw, and local changes
    assertThat(states.get(key, KeyState.initial(true)).coolingDownAt(clock.millis())).isTrue();
    assertThat(states.update(key, KeyState.initial(true), s -> s.withQuarantined(true)).quarantined()).isTrue();

    // the engine keeps serving
    org.keytriage.core.routing.Allocation a =
        timed("allocate", () -> engine.allocate(TaskTypes.MEDICAL_TEXT_ANALYSIS, RoutingHints.ofTokens(10)), withinTimeout());
    a.succeeded(8, 3);
    timed("settle of a grid reservation", () -> ledger.settle(held, 50), withinTimeout());
    engine.close();
  }

  // ---- a member whose operations time out ------------------------------------------------------

  @Test
  void stuckPartitionFailsClosedWithinTheTimeout() throws Exception {
    grid = TestGrid.start(FailureModeTest.class, 1);
    ClusterSettings settings =
        grid.settings().toBuilder().operationTimeout(TIMEOUT).failureMode(FailureMode.FAIL_CLOSED).build();
    backends = grid.backends(0, settings, clock);
    String key = "stuck-" + System.nanoTime();
    CompletableFuture<Object> stuck = block(grid.member(0), settings, key, 1_500);

    assertThatThrownBy(() -> timed("reserve", () -> backends.ledger().reserve(key, limits, 1), withinTimeout()))
        .isInstanceOf(LedgerUnavailableException.class)
        .hasMessageContaining("no answer within 300 ms");

    stuck.get(10, TimeUnit.SECONDS);
    assertThat(backends.ledger().reserve(key, limits, 1).isAdmitted()).as("the grid answers again").isTrue();
  }

  @Test
  void stuckPartitionDegradesToALocalDecisionWithinTheTimeoutAndComesBack() throws Exception {
    grid = TestGrid.start(FailureModeTest.class, 1);
    ClusterSettings settings =
        grid.settings().toBuilder()
            .operationTimeout(TIMEOUT)
            .failureMode(FailureMode.DEGRADE)
            .expectedMembers(2)
            .degradedRecheck(Duration.ofMillis(200))
            .build();
    backends = grid.backends(0, settings, clock);
    UsageLedger ledger = backends.ledger();
    String key = "stuck-degraded-" + System.nanoTime();
    CompletableFuture<Object> stuck = block(grid.member(0), settings, key, 1_500);

    ReserveResult local = timed("reserve", () -> ledger.reserve(key, limits, 1), withinTimeout());
    assertThat(local.isAdmitted()).isTrue();
    assertThat(local.usage().requests()).as("decided on this node's own ledger").isEqualTo(1);
    timed("a decision while degraded", () -> ledger.reserve(key, limits, 1), Duration.ofMillis(100));
    // a local reservation completes locally, whatever the grid does meanwhile
    ledger.release(local.reservation());

    stuck.get(10, TimeUnit.SECONDS);
    Thread.sleep(250); // past the recheck interval: the grid is tried again
    String fresh = key + "-after";
    assertThat(ledger.reserve(fresh, limits, 1).isAdmitted()).isTrue();
    assertThat(grid.member(0).getMap(settings.mapPrefix() + "usage").containsKey(fresh))
        .as("decided on the grid again")
        .isTrue();
  }

  @Test
  void aClientThatCannotReachItsClusterRefusesToStartWithAClearMessage() {
    ClusterSettings nowhere =
        ClusterSettings.builder()
            .mode(ClusterMode.CLIENT)
            .clusterName("kt-nowhere")
            .members("127.0.0.1:1")
            .clientConnectTimeout(Duration.ofMillis(500))
            .build();
    assertThatThrownBy(() -> ClusterBackends.start(nowhere, clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("could not connect to the Hazelcast cluster 'kt-nowhere' at 127.0.0.1:1")
        .hasMessageContaining("keytriage.cluster.members");
  }

  /** Occupies the partition thread of {@code key} for {@code millis}. */
  private static CompletableFuture<Object> block(HazelcastInstance hz, ClusterSettings settings, String key, long millis)
      throws InterruptedException {
    CompletableFuture<Object> f =
        hz.<String, Object>getMap(settings.mapPrefix() + "usage").submitToKey(key, new SlowEntry(millis)).toCompletableFuture();
    Thread.sleep(50); // let it reach the partition thread first
    return f;
  }

  private static KeyTriageConfig config(String keyId) {
    return KeyTriageConfig.builder()
        .addKey(
            ApiKeyConfig.builder(keyId)
                .apiKey("nvapi-test-" + keyId + "-0123456789")
                .maxRpm(100)
                .maxTpm(100_000)
                .taskTypes(TaskTypes.MEDICAL_TEXT_ANALYSIS)
                .build())
        .build();
  }
}
