package org.keytriage.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.upstream.UpstreamSettings;
import org.keytriage.core.accounting.BudgetLimits;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.testing.MutableClock;
import org.keytriage.core.testing.TestGuards;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskTypes;

/**
 * The grid round trips of one served request (allocate, then succeeded) on an engine whose backends
 * are on member 0 of a one- and of a three-member grid, with one and with five candidate keys, with
 * and without budgets. However many candidates, a request waits for the grid at most three times:
 * the candidate view (one batched read), the reservation, the settle. Budget bookings and refreshes
 * of local copies are sent without waiting. A property of the design, not a timing: counted by the
 * backends' own {@link GridOperations} and cross-checked by maps that log every call on the
 * request's thread ({@link CountingInstance}).
 */
class GridRoundTripsTest {
  private static final String TASK = TaskTypes.MEDICAL_TEXT_ANALYSIS;
  private static final long MAX_ROUND_TRIPS = 3;

  private static TestGrid one;
  private static TestGrid three;

  @BeforeAll
  static void startMembers() {
    one = TestGrid.start(GridRoundTripsTest.class, 1);
    three = TestGrid.start(GridRoundTripsTest.class, 3);
  }

  @AfterAll
  static void stopMembers() {
    for (TestGrid g : new TestGrid[] {one, three}) {
      if (g != null) {
        g.close();
      }
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (int members : new int[] {1, 3}) {
      for (int keys : new int[] {1, 5}) {
        for (boolean budgets : new boolean[] {false, true}) {
          out.add(Arguments.of(members, keys, budgets));
        }
      }
    }
    return out.stream();
  }

  /** What one request cost on its thread: awaited and fire-and-forget operations, and map calls seen. */
  private record Cost(long synchronous, long asynchronous, int mapCalls, String calls) {}

  @ParameterizedTest(name = "{0} member(s), {1} candidate key(s), budgets {2}")
  @MethodSource("cases")
  void aServedRequestWaitsForTheGridAtMostThreeTimes(int members, int keys, boolean budgets) {
    TestGrid grid = members == 1 ? one : three;
    MutableClock clock = new MutableClock();
    CountingInstance counting = new CountingInstance(grid.member(0));
    try (ClusterBackends backends = ClusterBackends.on(counting.instance(), grid.settings(), clock);
        KeyTriage node = backends.configure(KeyTriage.builder(config(keys, budgets))
            .upstream(budgets ? TestGuards.withGlobalBudget(new BudgetLimits(500, 5_000)) : UpstreamSettings.defaults()))
            .build()) {
      List<Cost> costs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        costs.add(serve(node, backends, counting));
      }
      System.out.printf(
          "grid round trips, %d member(s), %d key(s), budgets %s: %s%n", members, keys, budgets, costs);
      for (Cost c : costs) {
        assertThat(c.synchronous()).as("round trips of one request: %s", c).isLessThanOrEqualTo(MAX_ROUND_TRIPS);
        assertThat(c.mapCalls())
            .as("every map call the request made went through the backends' count: %s", c)
            .isEqualTo(c.synchronous() + c.asynchronous());
      }
    }
  }

  private static Cost serve(KeyTriage node, ClusterBackends backends, CountingInstance counting) {
    GridOperations ops = backends.gridOperations();
    counting.watchThisThread();
    long sync = ops.synchronousOnThisThread();
    long async = ops.asynchronousOnThisThread();
    Allocation a = node.allocate(TASK, RoutingHints.ofTokens(100));
    a.succeeded(80, 5);
    return new Cost(
        ops.synchronousOnThisThread() - sync,
        ops.asynchronousOnThisThread() - async,
        counting.total(),
        counting.calls().toString());
  }

  private static KeyTriageConfig config(int keys, boolean budgets) {
    String run = Long.toString(System.nanoTime(), 36); // key ids unique to the case: one grid per size
    KeyTriageConfig.Builder b = KeyTriageConfig.builder().strategy(TASK, "least_loaded");
    for (int i = 0; i < keys; i++) {
      ApiKeyConfig.Builder k =
          ApiKeyConfig.builder("k" + i + "-" + run)
              .apiKey("nvapi-test-k" + i + "-" + run + "-0123456789")
              .maxRpm(1_000)
              .maxTpm(1_000_000)
              .costPerToken(0.001)
              .taskTypes(TASK);
      if (budgets) {
        k.dailyBudget(100).monthlyBudget(1_000);
      }
      b.addKey(k.build());
    }
    return b.build();
  }
}
