package org.keytriage.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.hazelcast.map.IMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.accounting.BudgetLimits;
import org.keytriage.core.accounting.PeriodSpend;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.cluster.internal.GridCall;
import org.keytriage.core.cluster.internal.GridMaps;
import org.keytriage.core.cluster.internal.HazelcastSpendStore;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.testing.MutableClock;
import org.keytriage.core.testing.TestGuards;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskTypes;

/**
 * Costs are booked without waiting, yet none is lost: after many requests on three nodes every
 * key's spend and the gateway total equal the sum of the requests' costs, the gateway total's own
 * account is touched only while a global budget is configured, and a node that stops cleanly has
 * delivered every booking first. A node sees its own bookings at once and another node's within its
 * copy age plus one round trip.
 */
class AsyncBudgetBookingTest {
  private static final String TASK = TaskTypes.MEDICAL_TEXT_ANALYSIS;
  private static final double COST_PER_TOKEN = 0.0001;
  private static final String TOTAL = "\u0000total";
  private static TestGrid grid;

  private final MutableClock clock = new MutableClock();
  private final String run = Long.toString(System.nanoTime(), 36);

  @BeforeAll
  static void startMembers() {
    grid = TestGrid.start(AsyncBudgetBookingTest.class, 3);
  }

  @AfterAll
  static void stopMembers() {
    if (grid != null) {
      grid.close();
    }
  }

  @Test
  void afterManyRequestsOnThreeNodesEverySpendIsTheSumOfItsCosts() {
    assertTotalsAfterRequests(false);
  }

  @Test
  void withAGlobalBudgetTheGatewayTotalCountsEveryCostToo() {
    assertTotalsAfterRequests(true);
  }

  private void assertTotalsAfterRequests(boolean globalBudget) {
    // read spend from the grid every time: the assertions poll the grid's totals
    // and maps of its own: the other test of the pair books the gateway total
    ClusterSettings exact =
        grid.settings().toBuilder().usageReadMaxAge(Duration.ZERO).mapPrefix("kt-" + run + ".").build();
    KeyTriageConfig config =
        KeyTriageConfig.builder()
            .strategy(TASK, "round_robin")
            .addKey(key("plain-" + run).build())
            .addKey(key("budgeted-" + run).dailyBudget(1_000).build())
            .build();
    List<ClusterBackends> backends = new ArrayList<>();
    List<KeyTriage> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < grid.size(); i++) {
        backends.add(grid.backends(i, exact, clock));
        KeyTriage.Builder node = backends.get(i).configure(KeyTriage.builder(config));
        if (globalBudget) {
          node.upstream(TestGuards.withGlobalBudget(new BudgetLimits(10_000, 100_000)));
        }
        nodes.add(node.build());
      }
      Map<String, Double> expected = new LinkedHashMap<>();
      Random random = new Random(42);
      for (int r = 0; r < 90; r++) {
        KeyTriage node = nodes.get(r % nodes.size());
        Allocation a = node.allocate(TASK, RoutingHints.ofTokens(10));
        long tokens = 1 + random.nextInt(500);
        a.succeeded(tokens, 3);
        expected.merge(a.keyId(), tokens * COST_PER_TOKEN, Double::sum);
      }
      double sum = expected.values().stream().mapToDouble(Double::doubleValue).sum();
      assertThat(expected).hasSize(2);
      for (KeyTriage node : nodes) {
        for (Map.Entry<String, Double> e : expected.entrySet()) {
          TestGrid.awaitValue("the spend of " + e.getKey(), () -> node.budgets().spend(e.getKey()).today(), e.getValue());
        }
        assertThat(node.budgets().totalSpend().today()).isCloseTo(sum, within(1e-9));
      }
      IMap<String, PeriodSpend> spendMap = grid.member(1).getMap(new GridMaps(exact.mapPrefix()).budgetSpend());
      if (globalBudget) {
        TestGrid.awaitValue("the gateway total", () -> nodes.get(2).budgets().recentTotalSpend().today(), sum);
      } else {
        assertThat(spendMap.containsKey(TOTAL)).as("the gateway total's account untouched").isFalse();
      }
    } finally {
      nodes.forEach(KeyTriage::close);
      backends.forEach(ClusterBackends::close);
    }
  }

  @Test
  void aNodeThatStopsCleanlyHasDeliveredEveryBookingFirst() {
    KeyTriageConfig config = KeyTriageConfig.builder().addKey(key("stopping-" + run).build()).build();
    ClusterBackends backends = grid.backends(0, clock);
    KeyTriage node = backends.configure(KeyTriage.builder(config)).build();
    long tokens = 0;
    for (int i = 1; i <= 40; i++) {
      node.allocate(TASK, RoutingHints.ofTokens(10)).succeeded(i, 1);
      tokens += i;
    }
    node.close();
    backends.close(); // waits for the bookings under way

    IMap<String, PeriodSpend> spendMap = grid.member(2).getMap(new GridMaps(grid.settings().mapPrefix()).budgetSpend());
    PeriodSpend stored = spendMap.get("stopping-" + run);
    assertThat(stored).isNotNull();
    assertThat(stored.day()).isCloseTo(tokens * COST_PER_TOKEN, within(1e-9));
  }

  @Test
  void ownBookingsCountAtOnceAndOtherNodesOnesWithinTheCopyAge() throws Exception {
    Duration age = Duration.ofSeconds(1);
    AtomicLong ticker = new AtomicLong();
    HazelcastSpendStore a = store(0, age, ticker);
    HazelcastSpendStore b = store(1, age, ticker);
    String account = "seen-" + run;
    long day = PeriodSpend.dayOf(clock.millis());
    long month = PeriodSpend.monthOf(clock.millis());

    assertThat(b.recent(account)).as("never seen: unspent until read").isEqualTo(PeriodSpend.EMPTY);
    TestGrid.awaitValue("b's read", () -> b.get(account).day(), 0); // b's copy is now read and fresh

    PeriodSpend before = a.recent(account);
    a.addAsync(account, day, month, 2.5).toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(before.day()).isZero();
    assertThat(a.recent(account).day()).as("a node's own booking at once").isEqualTo(2.5);
    assertThat(b.recent(account).day()).as("another node's within the copy age").isZero();

    ticker.addAndGet(age.toNanos() + 1); // the copy is now older than its age
    assertThat(b.recent(account).day()).as("a stale copy answers, and is refreshed in the background").isZero();
    TestGrid.awaitValue("b's refreshed copy", () -> b.recent(account).day(), 2.5);
  }

  private HazelcastSpendStore store(int member, Duration age, AtomicLong ticker) {
    GridCall calls = new GridCall(TestGrid.PATIENT, "test grid", FailureMode.FAIL_CLOSED);
    IMap<String, PeriodSpend> map = grid.member(member).getMap(new GridMaps(grid.settings().mapPrefix()).budgetSpend());
    return new HazelcastSpendStore(map, calls, FailureMode.FAIL_CLOSED, age, ticker::get);
  }

  private static ApiKeyConfig.Builder key(String id) {
    return ApiKeyConfig.builder(id)
        .apiKey("nvapi-test-" + id + "-0123456789")
        .maxRpm(10_000)
        .maxTpm(10_000_000)
        .costPerToken(COST_PER_TOKEN)
        .taskTypes(TASK);
  }
}
