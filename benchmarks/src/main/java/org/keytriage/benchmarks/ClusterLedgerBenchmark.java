package org.keytriage.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.keytriage.core.cluster.ClusterBackends;
import org.keytriage.core.cluster.ClusterMode;
import org.keytriage.core.cluster.ClusterSettings;
import org.keytriage.core.ledger.KeyLimits;
import org.keytriage.core.ledger.ReserveResult;
import org.keytriage.core.ledger.UsageLedger;
import org.keytriage.core.ledger.UsageLedgers;
import org.keytriage.core.ledger.UsageSnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one reservation (issue 4): {@link UsageLedger#reserve} of 500 tokens then {@link
 * UsageLedger#settle} with 400, on one key, per ledger backend in the same run:
 *
 * <ul>
 *   <li>{@code in-process}: the in-process ledger, the baseline;
 *   <li>{@code hazelcast-1}: the Hazelcast ledger on one embedded member (no backup possible, no
 *       network: the cost of the entry processor machinery itself);
 *   <li>{@code hazelcast-3}: three embedded members in this JVM on 127.0.0.1 (TCP-IP join), each
 *       reservation through the next member in turn, so two in three travel over loopback to the
 *       key's owner, and every write waits for its synchronous backup on a third member.
 * </ul>
 *
 * <p>Settings as in production (operation timeout 500 ms, FAIL_CLOSED), except that the members are
 * started with short join waits. Limits are far above what a run reaches: admitted path only.
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Xms768m", "-Xmx768m",
      // the module access Hazelcast asks for on Java 17 (Payara's launcher passes the same)
      "--add-modules", "java.se",
      "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED",
      "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.management/sun.management=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED"
    })
@Threads(1)
public class ClusterLedgerBenchmark {
  static final String KEY_ID = "cluster_bench_key";
  static final KeyLimits LIMITS = new KeyLimits(1_000_000_000_000L, 1_000_000_000_000_000L);
  static final long ESTIMATED_TOKENS = 500;
  static final long ACTUAL_TOKENS = 400;

  /** The ledgers under test: one per member (one for in process). */
  @State(Scope.Benchmark)
  public static class Backend {
    @Param({"in-process", "hazelcast-1", "hazelcast-3"})
    public String backend;

    final List<ClusterBackends> members = new ArrayList<>();
    UsageLedger[] ledgers;

    @Setup(Level.Trial)
    public void setUp() {
      if (backend.equals("in-process")) {
        ledgers = new UsageLedger[] {UsageLedgers.inProcess(Clock.systemUTC())};
        return;
      }
      int size = Integer.parseInt(backend.substring(backend.indexOf('-') + 1));
      List<Integer> ports = freePorts(size);
      ClusterSettings base =
          ClusterSettings.builder()
              .mode(ClusterMode.EMBEDDED)
              .clusterName("kt-bench-" + UUID.randomUUID())
              .members(ports.stream().map(p -> "127.0.0.1:" + p).toList())
              .portAutoIncrement(false)
              .hazelcastProperty("hazelcast.logging.type", "none")
              .hazelcastProperty("hazelcast.wait.seconds.before.join", "0")
              .hazelcastProperty("hazelcast.max.wait.seconds.before.join", "0")
              .build();
      for (int port : ports) {
        members.add(ClusterBackends.start(base.toBuilder().port(port).build(), Clock.systemUTC()));
      }
      awaitClusterOf(size);
      ledgers = members.stream().map(ClusterBackends::ledger).toArray(UsageLedger[]::new);
    }

    private void awaitClusterOf(int size) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (members.stream().anyMatch(m -> m.instance().orElseThrow().getCluster().getMembers().size() != size)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("members did not form one cluster of " + size);
        }
        Thread.onSpinWait();
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      for (UsageLedger l : ledgers) {
        l.close();
      }
      members.forEach(ClusterBackends::close);
    }
  }

  /** Each thread's turn over the members. */
  @State(Scope.Thread)
  public static class Turn {
    private int next;

    UsageLedger next(UsageLedger[] ledgers) {
      UsageLedger l = ledgers[next];
      if (++next == ledgers.length) {
        next = 0;
      }
      return l;
    }
  }

  @Benchmark
  public UsageSnapshot reserveSettle(Backend backend, Turn turn) {
    UsageLedger ledger = turn.next(backend.ledgers);
    ReserveResult r = ledger.reserve(KEY_ID, LIMITS, ESTIMATED_TOKENS);
    return ledger.settle(r.reservation(), ACTUAL_TOKENS);
  }

  static List<Integer> freePorts(int n) {
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
