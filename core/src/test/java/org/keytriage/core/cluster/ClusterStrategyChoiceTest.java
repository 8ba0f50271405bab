package org.keytriage.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.testing.MutableClock;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.TaskTypes;

/**
 * A strategy switch is cluster-wide, like key activation: three engines on three members share the
 * strategy choices, so a switch through one node is what the others use from their next request on
 * (once its event has reached them: a bounded poll, not a sleep), a node started later follows it
 * at once, and a choice a node has no plugin for leaves that node on its configured strategy with
 * one warning.
 */
class ClusterStrategyChoiceTest {
  private static final String TASK = TaskTypes.BATCH_PROCESSING;
  private static final String CONFIGURED = "priority";
  private static TestGrid grid;

  private final MutableClock clock = new MutableClock();
  private final List<ClusterBackends> backends = new ArrayList<>();
  private final List<KeyTriage> nodes = new ArrayList<>();
  private KeyTriageConfig config;
  private String cheap;
  private String dear;

  @BeforeAll
  static void startMembers() {
    grid = TestGrid.start(ClusterStrategyChoiceTest.class, 3);
  }

  @AfterAll
  static void stopMembers() {
    if (grid != null) {
      grid.close();
    }
  }

  @BeforeEach
  void startNodes() {
    String run = Long.toString(System.nanoTime(), 36);
    cheap = "cheap-" + run;
    dear = "dear-" + run;
    config =
        KeyTriageConfig.builder()
            .strategy(TASK, CONFIGURED)
            .addKey(key(cheap, 1, 0.00001))
            .addKey(key(dear, 5, 0.001))
            .build();
    // maps of this test's own: every test starts with no choice made
    ClusterSettings settings = grid.settings().toBuilder().mapPrefix("kt-" + run + ".").build();
    for (int i = 0; i < grid.size(); i++) {
      nodes.add(startNode(i, settings));
    }
  }

  private KeyTriage startNode(int member, ClusterSettings settings) {
    ClusterBackends b = grid.backends(member, settings, clock);
    backends.add(b);
    return b.configure(KeyTriage.builder(config)).build();
  }

  private static ApiKeyConfig key(String id, int priority, double costPerToken) {
    return ApiKeyConfig.builder(id)
        .apiKey("nvapi-test-" + id + "-0123456789")
        .maxRpm(1_000)
        .maxTpm(1_000_000)
        .priority(priority)
        .costPerToken(costPerToken)
        .taskTypes(TASK)
        .build();
  }

  @AfterEach
  void stopNodes() {
    nodes.forEach(KeyTriage::close);
    backends.forEach(ClusterBackends::close);
  }

  @Test
  void aSwitchThroughOneNodeIsWhatEveryNodeUsesForItsNextRequests() {
    for (KeyTriage node : nodes) {
      assertThat(node.router().strategyOf(TASK)).isEqualTo(CONFIGURED);
      assertThat(allocatedKey(node)).as("priority picks the dear key").isEqualTo(dear);
    }

    nodes.get(0).router().useStrategy(TASK, "lowest_cost");

    assertThat(allocatedKey(nodes.get(0))).as("the switching node, at once").isEqualTo(cheap);
    for (KeyTriage node : nodes.subList(1, nodes.size())) {
      TestGrid.await("the switch reached the node", () -> node.router().strategyOf(TASK).equals("lowest_cost"));
      for (int i = 0; i < 3; i++) {
        assertThat(allocatedKey(node)).isEqualTo(cheap);
      }
    }

    // and back, through another node
    nodes.get(2).router().useStrategy(TASK, CONFIGURED);
    for (KeyTriage node : nodes) {
      TestGrid.await("the switch back reached the node", () -> node.router().strategyOf(TASK).equals(CONFIGURED));
      assertThat(allocatedKey(node)).isEqualTo(dear);
    }
  }

  @Test
  void aNodeStartedAfterASwitchFollowsItFromItsFirstRequest() {
    nodes.get(1).router().useStrategy(TASK, "lowest_cost");
    KeyTriage late = startNode(2, backends.get(0).settings().toBuilder().build());
    nodes.add(late);
    assertThat(late.router().strategyOf(TASK)).isEqualTo("lowest_cost");
    assertThat(allocatedKey(late)).isEqualTo(cheap);
  }

  @Test
  void aChosenStrategyThisNodeHasNoPluginForLeavesItOnTheConfiguredOneWithOneWarning() {
    Logger log = Logger.getLogger("org.keytriage.core.routing.internal.ChosenStrategies");
    List<LogRecord> warnings = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            synchronized (warnings) {
              warnings.add(r);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    log.addHandler(capture);
    try {
      // as a node with a plugin "fastest_please" would record it: the store takes any id
      backends.get(0).strategyChoices().choose(TASK, "fastest_please");
      ClusterBackends other = backends.get(1);
      TestGrid.await("the choice reached node 1", () -> other.strategyChoices().chosen(TASK).isPresent());

      KeyTriage node = nodes.get(1);
      for (int i = 0; i < 5; i++) {
        assertThat(allocatedKey(node)).as("routing goes on with the configured strategy").isEqualTo(dear);
      }
      assertThat(node.router().strategyOf(TASK)).isEqualTo(CONFIGURED);
      synchronized (warnings) {
        assertThat(warnings).singleElement().satisfies(r -> {
          assertThat(r.getParameters()).contains(TASK, "fastest_please", CONFIGURED);
        });
      }
    } finally {
      log.removeHandler(capture);
    }
  }

  private static String allocatedKey(KeyTriage node) {
    Allocation a = node.allocate(TASK, RoutingHints.ofTokens(10));
    a.release();
    return a.keyId();
  }
}
