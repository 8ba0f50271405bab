package org.keytriage.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.keytriage.core.events.Origin;
import org.keytriage.core.events.RequestServed;
import org.keytriage.core.requests.RequestLog;
import org.keytriage.core.requests.RequestLogSettings;
import org.keytriage.core.requests.RequestLogStore;
import org.keytriage.spi.RoutingHints;
import org.keytriage.store.Store;
import org.keytriage.store.StoreSettings;

/**
 * How many request-log rows per second the store sustains: the gateway's events are offered to a
 * {@link RequestLog} as fast as one thread can make them, for a fixed time, on an H2 file in a
 * temporary folder and on a PostgreSQL schema of its own (dropped afterwards); the figure is rows
 * written (with their spend roll-ups) per second of the run, after a warm-up. Rows that did not fit
 * the queue are reported as dropped.
 *
 * <pre>java -cp keytriage-benchmarks.jar org.keytriage.benchmarks.RequestLogThroughput [seconds] [postgres-url]</pre>
 */
public final class RequestLogThroughput {
  private RequestLogThroughput() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    String pgUrl = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/test";
    Path dir = Files.createTempDirectory("keytriage-request-log-bench-");
    measure("no store", new Discarding(), seconds); // the baseline: making and queueing the rows alone
    try {
      report("H2 file", StoreSettings.h2File(dir), seconds);
      String schema = "kt_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      try {
        report("PostgreSQL", StoreSettings.builder(pgUrl).user("postgres").schema(schema).build(), seconds);
      } finally {
        try (Connection c = DriverManager.getConnection(pgUrl, "postgres", "")) {
          c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void report(String name, StoreSettings settings, int seconds) {
    try (Store store = Store.open(settings)) {
      measure(name, store.requestLog(), seconds);
    }
  }

  private static void measure(String name, RequestLogStore store, int seconds) {
    {
      run(store, 3, 0); // warm-up: JIT, connections, the tables' first pages
      long[] r = run(store, seconds, 0);
      System.out.printf(Locale.ROOT, "%-10s %,9d rows written in %d s: %,8.0f rows/s (%d dropped)%n", name, r[0],
          seconds, r[0] / (double) seconds, r[1]);
      // what a server pays: rows at a steady rate, CPU of the whole process (writer, database, GC) per row
      int rate = Integer.getInteger("rate", 1500);
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long[] steady = run(store, seconds, rate);
      long cpu = os.getProcessCpuTime() - cpu0;
      System.out.printf(Locale.ROOT, "%-10s %,9d rows at %,d rows/s: %,6.1f µs CPU per row, making the events included"
          + " (%d dropped)%n", name, steady[0], rate, cpu / 1000.0 / Math.max(1, steady[0]), steady[1]);
    }
  }

  /** Offers rows for {@code seconds} ({@code rate} a second, or as fast as written when 0), then flushes; returns {written, dropped}. */
  private static long[] run(RequestLogStore store, int seconds, int rate) {
    RequestLog log = RequestLog.start(store,
        RequestLogSettings.builder().capacity(50_000).build(), Clock.systemUTC(), alert -> {});
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    String[] keys = {"k1", "k2", "k3", "k4"};
    String[] tasks = {"medical_text_analysis", "genomics_analysis", "batch_processing"};
    long i = 0;
    long start = System.nanoTime();
    while (System.nanoTime() < end) {
      if (rate > 0) {
        long due = start + i * 1_000_000_000L / rate; // this row's time at the steady rate
        long wait = due - System.nanoTime();
        if (wait > 0) {
          java.util.concurrent.locks.LockSupport.parkNanos(wait);
          continue;
        }
      }
      // offered as fast as the writer keeps up: a full queue would only measure drops
      if (log.stats().waiting() > 40_000) {
        Thread.onSpinWait();
        continue;
      }
      log.on(new RequestServed(Instant.now(), org.keytriage.core.gateway.RequestIds.next(), tasks[(int) (i % 3)], Origin.OPENAI,
          "dept-" + (i % 7), RoutingHints.DEFAULT, null, keys[(int) (i % 4)], 120, 80, 0.02, 1, 40, 45_000_000L,
          false));
      i++;
    }
    long writtenAtEnd = log.stats().written();
    log.close();
    return new long[] {rate > 0 ? log.stats().written() : writtenAtEnd, log.stats().dropped()};
  }

  /** A store that takes every batch and keeps nothing. */
  private static final class Discarding implements RequestLogStore {
    @Override
    public void append(java.util.List<org.keytriage.core.requests.RequestRecord> rows) {}

    @Override
    public org.keytriage.core.requests.RequestPage find(org.keytriage.core.requests.RequestQuery q) {
      return new org.keytriage.core.requests.RequestPage(java.util.List.of(), 0);
    }

    @Override
    public java.util.List<org.keytriage.core.requests.SpendRow> spend(org.keytriage.core.requests.SpendQuery q) {
      return java.util.List.of();
    }

    @Override
    public java.util.Map<String, org.keytriage.core.accounting.BudgetSpend> spendByKey(Instant day, Instant month) {
      return java.util.Map.of();
    }

    @Override
    public int purgeBefore(Instant before) {
      return 0;
    }
  }
}
