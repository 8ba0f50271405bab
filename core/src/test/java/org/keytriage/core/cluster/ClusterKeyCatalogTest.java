package org.keytriage.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.routing.Allocation;
import org.keytriage.core.routing.NoAvailableKeyException;
import org.keytriage.spi.RoutingHints;
import org.keytriage.core.testing.MutableClock;
import org.keytriage.spi.TaskTypes;

/**
 * The key catalogue changed at run time is the cluster's: a key added, changed or retired through
 * one node is in every node's catalogue (once its event has arrived: a bounded poll, not a sleep),
 * and a node started later begins with it. The grid holds plain strings only.
 */
class ClusterKeyCatalogTest {
  private static final String GENOMICS = TaskTypes.GENOMICS_ANALYSIS;
  private static TestGrid grid;

  private final MutableClock clock = new MutableClock();
  private final List<ClusterBackends> backends = new ArrayList<>();
  private final List<KeyTriage> nodes = new ArrayList<>();

  @BeforeAll
  static void startMembers() {
    grid = TestGrid.start(ClusterKeyCatalogTest.class, 2);
  }

  @AfterAll
  static void stopMembers() {
    if (grid != null) {
      grid.close();
    }
  }

  @AfterEach
  void stopNodes() {
    nodes.forEach(KeyTriage::close);
    backends.forEach(ClusterBackends::close);
  }

  private KeyTriage node(int member) {
    ClusterBackends b = grid.backends(member, grid.settings(), clock);
    backends.add(b);
    KeyTriage kt = b.configure(KeyTriage.builder(KeyTriageConfig.builder()
        .addKey(key("text_primary", 100, TaskTypes.MEDICAL_TEXT_ANALYSIS)).build())).build();
    nodes.add(kt);
    return kt;
  }

  private static ApiKeyConfig key(String id, long rpm, String task) {
    return ApiKeyConfig.builder(id).apiKey("nvapi-test-" + id + "-0123456789").maxRpm(rpm).maxTpm(100_000)
        .taskTypes(task).costPerToken(0.0001).priority(3).build();
  }

  /** Whether the node routes a genomics request to {@code keyId} now. */
  private static boolean routes(KeyTriage node, String keyId) {
    try {
      Allocation a = node.allocate(GENOMICS, RoutingHints.ofTokens(10));
      a.release();
      return a.keyId().equals(keyId);
    } catch (NoAvailableKeyException e) {
      return false;
    }
  }

  @Test
  void aKeyAddedChangedAndRetiredOnOneNodeIsSoOnTheOther() {
    KeyTriage a = node(0);
    KeyTriage b = node(1);

    a.keys().add(key("genomics_new", 100, GENOMICS), "alice", "new contract");
    TestGrid.await("the new key reached node 1's router", () -> routes(b, "genomics_new"));
    assertThat(b.key("genomics_new").apiKey().reveal()).isEqualTo("nvapi-test-genomics_new-0123456789");

    b.keys().change(key("genomics_new", 7, GENOMICS), "bob", "limit cut");
    TestGrid.await("the change reached node 0", () -> a.key("genomics_new").maxRpm() == 7);

    KeyTriage late = node(0);
    assertThat(late.key("genomics_new").maxRpm()).as("a node started later begins with the change").isEqualTo(7);

    a.keys().retire("genomics_new", "alice", "contract ended");
    TestGrid.await("the retirement reached node 1", () -> !b.keys().contains("genomics_new"));
    TestGrid.await("the retirement reached the late node", () -> !late.keys().contains("genomics_new"));
  }
}
