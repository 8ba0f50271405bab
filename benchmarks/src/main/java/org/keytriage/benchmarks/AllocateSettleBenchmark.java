package org.keytriage.benchmarks;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyTriageConfig;
import org.keytriage.core.ledger.KeyLimits;
import org.keytriage.core.ledger.ReserveResult;
import org.keytriage.core.ledger.UsageLedger;
import org.keytriage.core.ledger.UsageLedgers;
import org.keytriage.core.ledger.UsageSnapshot;
import org.keytriage.core.routing.Allocation;
import org.keytriage.spi.BalancingStrategy;
import org.keytriage.spi.BalancingStrategyFactory;
import org.keytriage.spi.CandidateKey;
import org.keytriage.spi.KeyTier;
import org.keytriage.spi.ProviderConfig;
import org.keytriage.spi.RoutingHints;
import org.keytriage.spi.RoutingRequest;
import org.keytriage.spi.TaskTypes;
import org.keytriage.strategies.BuiltInStrategies;
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
 * The engine's hot path (issue 2): one {@code allocate} + {@code succeeded} on the in-process
 * ledger, per built-in strategy, with one and two threads; and the baselines it is compared with in
 * the same run.
 *
 * <ul>
 *   <li>{@code allocateSettle} / {@code allocateSettle2T}: {@link KeyTriage#allocate} for a task
 *       type taken round-robin from a per-thread counter, then {@link Allocation#succeeded}{@code
 *       (400, 10)}. 16 keys: 2-3 specialised keys per built-in task type (different priorities,
 *       costs and weights) and 2 backup keys. Every task type uses the strategy of the {@code
 *       strategy} parameter ({@code defaultStrategy}).
 *   <li>{@code ledgerOnly} / {@code ledgerOnly2T}: {@link UsageLedger#reserve} + {@link
 *       UsageLedger#settle} on one key, straight on the ledger: the floor cost of one atomic
 *       decision. The 2-thread variant has both threads on the same key (worst-case contention).
 *   <li>{@code strategyOnly}: the strategy of the {@code strategy} parameter ordering 3 candidates,
 *       as the router hands them over (no ledger, no router).
 * </ul>
 *
 * <p>The thread count is fixed per method with {@link Threads}, so a single run yields both the
 * 1-thread and the 2-thread figures; do not pass {@code -t} on the command line (it would override
 * every method's count). The engine runs on the system UTC clock, as in production: rolling
 * windows advance every second, and the limits (10^12 RPM, 10^15 TPM) are far above what a run can
 * reach, so no request is ever refused and the figures are the admitted path only.
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class AllocateSettleBenchmark {

  /** Far above anything a benchmark run reaches, so no reservation is ever refused. */
  static final long MAX_RPM = 1_000_000_000_000L;

  static final long MAX_TPM = 1_000_000_000_000_000L;

  /** The request: 500 tokens estimated, 400 used, 10 ms upstream latency. */
  static final RoutingHints HINTS = RoutingHints.ofTokens(500);

  static final long ESTIMATED_TOKENS = 500;
  static final long ACTUAL_TOKENS = 400;
  static final long LATENCY_MILLIS = 10;

  /** The gateway under test: 16 keys, every task type on the {@code strategy} parameter. */
  @State(Scope.Benchmark)
  public static class Engine {
    @Param({
      BuiltInStrategies.ROUND_ROBIN,
      BuiltInStrategies.LEAST_LOADED,
      BuiltInStrategies.PRIORITY,
      BuiltInStrategies.WEIGHTED,
      BuiltInStrategies.LOWEST_LATENCY,
      BuiltInStrategies.LOWEST_COST
    })
    public String strategy;

    KeyTriage keyTriage;

    @Setup(Level.Trial)
    public void setUp() {
      keyTriage =
          KeyTriage.builder(config(strategy))
              .clock(Clock.systemUTC())
              .classLoader(AllocateSettleBenchmark.class.getClassLoader())
              .build();
      // Fail loudly rather than measure the wrong thing: every built-in strategy must have been
      // discovered (a shaded jar without merged META-INF/services would lose them) and be in use.
      if (!keyTriage.strategies().ids().containsAll(BuiltInStrategies.ALL)) {
        throw new IllegalStateException(
            "Built-in strategies not discovered; found " + keyTriage.strategies().ids());
      }
      for (String task : TaskTypes.BUILT_IN) {
        if (!strategy.equals(keyTriage.router().strategyOf(task))) {
          throw new IllegalStateException(task + " does not use " + strategy);
        }
        Allocation a = keyTriage.allocate(task, HINTS);
        a.succeeded(ACTUAL_TOKENS, LATENCY_MILLIS);
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      keyTriage.close();
    }
  }

  /** Each thread's own round-robin position over the six built-in task types. */
  @State(Scope.Thread)
  public static class TaskCursor {
    private final String[] tasks = TaskTypes.BUILT_IN.toArray(new String[0]);
    private int next;

    String nextTask() {
      String task = tasks[next];
      if (++next == tasks.length) {
        next = 0;
      }
      return task;
    }
  }

  /** One key straight on an in-process ledger, for the floor cost of an atomic decision. */
  @State(Scope.Benchmark)
  public static class Ledger {
    static final String KEY_ID = "ledger_only_key";

    UsageLedger ledger;
    final KeyLimits limits = new KeyLimits(MAX_RPM, MAX_TPM);

    @Setup(Level.Trial)
    public void setUp() {
      ledger = UsageLedgers.inProcess(Clock.systemUTC());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      ledger.close();
    }
  }

  /** One strategy and three candidates as the router would hand them over. */
  @State(Scope.Benchmark)
  public static class StrategyOnly {
    @Param({
      BuiltInStrategies.ROUND_ROBIN,
      BuiltInStrategies.LEAST_LOADED,
      BuiltInStrategies.PRIORITY,
      BuiltInStrategies.WEIGHTED,
      BuiltInStrategies.LOWEST_LATENCY,
      BuiltInStrategies.LOWEST_COST
    })
    public String strategy;

    BalancingStrategy balancing;
    List<CandidateKey> candidates;
    final RoutingRequest request = new RoutingRequest(TaskTypes.MEDICAL_TEXT_ANALYSIS, HINTS);

    @Setup(Level.Trial)
    public void setUp() {
      BalancingStrategyFactory factory = null;
      for (BalancingStrategyFactory f :
          ServiceLoader.load(
              BalancingStrategyFactory.class, AllocateSettleBenchmark.class.getClassLoader())) {
        if (f.id().equals(strategy) && (factory == null || f.order() > factory.order())) {
          factory = f;
        }
      }
      if (factory == null) {
        throw new IllegalStateException("Strategy " + strategy + " not discovered");
      }
      balancing = factory.create(ProviderConfig.of(Map.of()));
      candidates =
          List.of(
              candidate("mta_a", 5, 2.0, 0.00002, 120, 60_000, 35.0),
              candidate("mta_b", 3, 1.0, 0.00001, 40, 20_000, 12.0),
              candidate("mta_c", 1, 0.5, 0.000005, 300, 150_000, 80.0));
    }

    private static CandidateKey candidate(
        String id, int priority, double weight, double cost, long rpm, long tpm, double latency) {
      return CandidateKey.builder(id)
          .tier(KeyTier.SPECIALISED)
          .priority(priority)
          .weight(weight)
          .costPerToken(cost)
          .limits(MAX_RPM, MAX_TPM)
          .usage(rpm, tpm)
          .latencyMillis(latency)
          .build();
    }
  }

  /**
   * 16 keys: 14 specialised ones (3 for medical text analysis and genomics, 2 for the other four
   * task types, with different priorities, costs and weights) and 2 backups, every task type on
   * {@code strategyId}.
   */
  static KeyTriageConfig config(String strategyId) {
    KeyTriageConfig.Builder b = KeyTriageConfig.builder().defaultStrategy(strategyId).source("benchmark");
    int n = 0;
    for (String task : TaskTypes.BUILT_IN) {
      int keys =
          task.equals(TaskTypes.MEDICAL_TEXT_ANALYSIS) || task.equals(TaskTypes.GENOMICS_ANALYSIS)
              ? 3
              : 2;
      for (int i = 0; i < keys; i++, n++) {
        b.addKey(
            key(task + "_" + (char) ('a' + i))
                .taskTypes(task)
                .priority(5 - 2 * i)
                .costPerToken(0.00002 / (i + 1))
                .weight(1.0 + i)
                .build());
      }
    }
    for (int i = 0; i < 2; i++, n++) {
      b.addKey(key("backup_" + (char) ('a' + i)).backup(true).priority(1).costPerToken(0.00003).build());
    }
    if (n != 16) {
      throw new AssertionError("expected 16 keys, built " + n);
    }
    return b.build();
  }

  private static ApiKeyConfig.Builder key(String id) {
    return ApiKeyConfig.builder(id).apiKey("nvapi-bench-" + id).maxRpm(MAX_RPM).maxTpm(MAX_TPM);
  }

  // ---- the engine ----------------------------------------------------------------------------

  @Benchmark
  @Threads(1)
  public Allocation allocateSettle(Engine engine, TaskCursor cursor) {
    return allocateAndSettle(engine, cursor);
  }

  @Benchmark
  @Threads(2)
  public Allocation allocateSettle2T(Engine engine, TaskCursor cursor) {
    return allocateAndSettle(engine, cursor);
  }

  private static Allocation allocateAndSettle(Engine engine, TaskCursor cursor) {
    Allocation a = engine.keyTriage.allocate(cursor.nextTask(), HINTS);
    a.succeeded(ACTUAL_TOKENS, LATENCY_MILLIS);
    return a;
  }

  // ---- baselines -----------------------------------------------------------------------------

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Threads(1)
  public UsageSnapshot ledgerOnly(Ledger state) {
    return reserveAndSettle(state);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Threads(2)
  public UsageSnapshot ledgerOnly2T(Ledger state) {
    return reserveAndSettle(state);
  }

  private static UsageSnapshot reserveAndSettle(Ledger state) {
    ReserveResult r = state.ledger.reserve(Ledger.KEY_ID, state.limits, ESTIMATED_TOKENS);
    return state.ledger.settle(r.reservation(), ACTUAL_TOKENS);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Threads(1)
  public List<CandidateKey> strategyOnly(StrategyOnly state) {
    return state.balancing.order(state.candidates, state.request);
  }
}
