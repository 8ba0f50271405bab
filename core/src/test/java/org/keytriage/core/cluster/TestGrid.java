package org.keytriage.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Embedded members for one test class, started through {@link ClusterBackends} in {@link
 * ClusterMode#EMBEDDED} exactly as library mode starts them: a cluster name unique to the class,
 * every member bound to 127.0.0.1 on a free port, TCP-IP join with the explicit list of those ports,
 * never multicast. Members start one after another so they form one cluster, not several.
 */
final class TestGrid implements AutoCloseable {
  /** Hazelcast logs every join at INFO; tests only want its warnings. Kept strongly reachable. */
  private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

  static {
    HAZELCAST_LOG.setLevel(Level.WARNING);
  }

  /** Generous, so a busy 2-core CI machine never fails a correctness test on a timeout. */
  static final Duration PATIENT = Duration.ofSeconds(20);

  private final ClusterSettings base;
  private final List<ClusterBackends> members = new ArrayList<>();

  private TestGrid(ClusterSettings base) {
    this.base = base;
  }

  /** Starts {@code size} members named after {@code testClass}. */
  static TestGrid start(Class<?> testClass, int size) {
    List<Integer> ports = freePorts(size);
    List<String> addresses = ports.stream().map(p -> "127.0.0.1:" + p).toList();
    ClusterSettings base =
        ClusterSettings.builder()
            .mode(ClusterMode.EMBEDDED)
            .clusterName("kt-" + testClass.getSimpleName() + "-" + UUID.randomUUID().toString().substring(0, 8))
            .members(addresses)
            .bindAddress("127.0.0.1")
            .portAutoIncrement(false)
            .operationTimeout(PATIENT)
            // start in a second or two instead of Hazelcast's production join waits
            .hazelcastProperty("hazelcast.wait.seconds.before.join", "0")
            .hazelcastProperty("hazelcast.max.wait.seconds.before.join", "0")
            .hazelcastProperty("hazelcast.partition.count", "31")
            .hazelcastProperty("hazelcast.graceful.shutdown.max.wait", "10")
            .build();
    TestGrid grid = new TestGrid(base);
    try {
      for (int i = 0; i < size; i++) {
        grid.members.add(
            ClusterBackends.start(base.toBuilder().port(ports.get(i)).build(), Clock.systemUTC()));
      }
      grid.awaitSize(size);
    } catch (RuntimeException | Error e) {
      grid.close();
      throw e;
    }
    return grid;
  }

  /**
   * Waits until every running member sees exactly {@code size} members (views spread
   * asynchronously) and the cluster is safe (partitions and backups settled).
   */
  void awaitSize(int size) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      boolean all = true;
      for (ClusterBackends m : members) {
        HazelcastInstance hz = instance(m);
        if (hz.getLifecycleService().isRunning() && hz.getCluster().getMembers().size() != size) {
          all = false;
        }
      }
      // and every partition has its owner and its backup in place: no migration still running
      if (all && members.stream().allMatch(m -> !instance(m).getLifecycleService().isRunning()
          || instance(m).getPartitionService().isClusterSafe())) {
        return;
      }
      assertThat(System.nanoTime() - deadline).as("members formed one cluster of " + size).isNegative();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Polls until {@code condition} holds, for at most {@link #PATIENT}: for what the engine sends
   * without waiting (budget bookings) or learns from events (strategy switches).
   */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as(what).isNegative();
      Thread.onSpinWait();
    }
  }

  /** Polls until {@code value} reads {@code expected} (within 1e-9), for at most {@link #PATIENT}. */
  static void awaitValue(String what, DoubleSupplier value, double expected) {
    await(what + " reached " + expected, () -> Math.abs(value.getAsDouble() - expected) <= 1e-9);
  }

  /** The settings every member started with (port aside), to build more backends on. */
  ClusterSettings settings() {
    return base;
  }

  HazelcastInstance member(int i) {
    return instance(members.get(i));
  }

  int size() {
    return members.size();
  }

  /** New backends on member {@code i} with the given settings and clock. */
  ClusterBackends backends(int i, ClusterSettings settings, Clock clock) {
    return ClusterBackends.on(member(i), settings, clock);
  }

  ClusterBackends backends(int i, Clock clock) {
    return backends(i, base, clock);
  }

  private static HazelcastInstance instance(ClusterBackends b) {
    return b.instance().orElseThrow();
  }

  @Override
  public void close() {
    for (ClusterBackends m : members) {
      try {
        HazelcastInstance hz = instance(m);
        if (hz.getLifecycleService().isRunning()) {
          hz.getLifecycleService().terminate(); // no migrations: the whole cluster goes
        }
      } catch (RuntimeException ignored) {
        // already gone
      }
    }
    members.clear();
  }

  private static List<Integer> freePorts(int n) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1")));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } catch (IOException e) {
      throw new IllegalStateException("no free local port", e);
    } finally {
      for (ServerSocket s : sockets) {
        try {
          s.close();
        } catch (IOException ignored) {
          // best effort
        }
      }
    }
  }
}
