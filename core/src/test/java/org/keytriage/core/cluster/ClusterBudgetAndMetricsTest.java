package org.keytriage.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.accounting.MetricsSnapshot;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.testing.MutableClock;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskTypes;

/**
 * Budgets and metrics of two engines on two members: spend booked through one node counts against
 * the key's budget on the other, and each node's metrics show both nodes' calls.
 */
class ClusterBudgetAndMetricsTest {
  private static final String TASK = TaskTypes.MEDICAL_TEXT_ANALYSIS;
  private static TestGrid grid;

  private final MutableClock clock = new MutableClock();
  private final String run = Long.toString(System.nanoTime(), 36);
  private ClusterBackends backendsA;
  private ClusterBackends backendsB;
  private KeyTriage nodeA;
  private KeyTriage nodeB;

  @BeforeAll
  static void startMembers() {
    grid = TestGrid.start(ClusterBudgetAndMetricsTest.class, 2);
  }

  @AfterAll
  static void stopMembers() {
    if (grid != null) {
      grid.close();
    }
  }

  @BeforeEach
  void startNodes() {
    KeyTriageConfig config =
        KeyTriageConfig.builder()
            .strategy(TASK, "priority")
            .addKey(key("budgeted-" + run, 5).dailyBudget(1.0).build())
            .addKey(key("other-" + run, 1).build())
            .build();
    // read spend from the grid every time: the test checks the other node's bookings at once
    ClusterSettings exact =
        grid.settings().toBuilder()
            .usageReadMaxAge(Duration.ZERO)
            .metricsPublishInterval(Duration.ofMillis(100))
            .build();
    backendsA = grid.backends(0, exact, clock);
    backendsB = grid.backends(1, exact, clock);
    nodeA = backendsA.configure(KeyTriage.builder(config)).build();
    nodeB = backendsB.configure(KeyTriage.builder(config)).build();
  }

  private static ApiKeyConfig.Builder key(String id, int priority) {
    return ApiKeyConfig.builder(id)
        .apiKey("nvapi-test-" + id + "-0123456789")
        .maxRpm(1_000)
        .maxTpm(1_000_000)
        .priority(priority)
        .costPerToken(0.001)
        .taskTypes(TASK);
  }

  @AfterEach
  void stopNodes() {
    nodeA.close();
    nodeB.close();
    backendsA.close(); // stops the metrics publisher; the members stay up
    backendsB.close();
  }

  @Test
  void spendBookedOnOneNodeExhaustsTheBudgetOnTheOther() {
    Allocation first = nodeA.allocate(TASK, RoutingHints.ofTokens(100));
    assertThat(first.keyId()).isEqualTo("budgeted-" + run);
    first.succeeded(600, 10); // 0.6 of the daily 1.0
    // the booking is sent without waiting: node B sees it once the grid has it
    TestGrid.awaitValue("node B's view of the spend", () -> nodeB.budgets().spend("budgeted-" + run).today(), 0.6);

    Allocation second = nodeB.allocate(TASK, RoutingHints.ofTokens(100));
    assertThat(second.keyId()).isEqualTo("budgeted-" + run);
    second.succeeded(400, 10); // 1.0: exhausted

    TestGrid.awaitValue("node A's view of the spend", () -> nodeA.budgets().spend("budgeted-" + run).today(), 1.0);
    assertThat(nodeA.budgets().totalSpend().today()).isCloseTo(1.0, within(1e-9));
    Allocation third = nodeA.allocate(TASK, RoutingHints.ofTokens(100));
    assertThat(third.keyId()).as("over budget on every node").isEqualTo("other-" + run);
    third.release();
  }

  @Test
  void metricsHealthAndAdviceCountEveryNodesCalls() {
    for (int i = 0; i < 3; i++) {
      nodeA.allocate(TASK, RoutingHints.ofTokens(10)).succeeded(10, 20);
    }
    nodeB.allocate(TASK, RoutingHints.ofTokens(10)).succeeded(10, 40);
    nodeB.allocate(TASK, RoutingHints.ofTokens(10)).failed(0, 40);

    // each node publishes its counters when it reads metrics (and every publish interval):
    // once both have, either one sees both
    nodeA.metrics();
    nodeB.metrics();
    for (KeyTriage node : new KeyTriage[] {nodeA, nodeB}) {
      MetricsSnapshot m = node.metrics();
      assertThat(m.totalRequests()).isEqualTo(5);
      assertThat(m.keyMetrics().get("budgeted-" + run).successfulRequests()).isEqualTo(4);
      assertThat(m.keyMetrics().get("budgeted-" + run).averageResponseTimeMillis()).isCloseTo(28.0, within(1e-9));
      assertThat(m.taskMetrics().get(TASK).totalRequests()).isEqualTo(5);
      assertThat(m.taskDistribution().get(TASK)).containsEntry("budgeted-" + run, 5L);
      assertThat(m.totalCost()).isCloseTo(0.04, within(1e-9));
      assertThat(node.health().toJson()).isNotNull();
      assertThat(node.optimize().toJson()).isNotNull();
    }
  }

  @Test
  void aNodePublishesItsCountersOnItsOwnEveryInterval() throws InterruptedException {
    nodeB.allocate(TASK, RoutingHints.ofTokens(10)).succeeded(10, 5);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    // node B never reads its metrics: only its periodic publication can tell node A
    while (nodeA.metrics().totalRequests() != 1) {
      assertThat(System.nanoTime() - deadline).as("node B's call reached node A's metrics").isNegative();
      Thread.sleep(20);
    }
  }
}
