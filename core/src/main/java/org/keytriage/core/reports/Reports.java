package org.keytriage.core.reports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.keytriage.core.accounting.AccountingSnapshot;
import org.keytriage.core.accounting.BudgetLedger;
import org.keytriage.core.accounting.BudgetLimits;
import org.keytriage.core.accounting.BudgetSpend;
import org.keytriage.core.accounting.CounterExchange;
import org.keytriage.core.accounting.CounterSnapshot;
import org.keytriage.core.accounting.HealthAssessor;
import org.keytriage.core.accounting.HealthReport;
import org.keytriage.core.accounting.KeyMetrics;
import org.keytriage.core.accounting.MetricsSnapshot;
import org.keytriage.core.accounting.OptimizationAdvisor;
import org.keytriage.core.accounting.OptimizationReport;
import org.keytriage.core.accounting.TaskMetrics;
import org.keytriage.core.accounting.UsageAccounting;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.keys.KeyRegistry;
import org.keytriage.core.keys.KeyState;
import org.keytriage.core.ledger.UsageLedger;
import org.keytriage.core.ledger.UsageSnapshot;
import org.keytriage.core.routing.Router;

/**
 * The guide's reports — metrics, health, optimisation advice — computed from the engine's state
 * when asked; nothing here is on the request path. Usage, state and spend are the cluster's when
 * the engine runs on cluster backends, and so are the call counters with a {@link CounterExchange}.
 */
public final class Reports {
  private final KeyRegistry keys;
  private final Router router;
  private final UsageLedger ledger;
  private final UsageAccounting accounting;
  private final CounterExchange counters;
  private final BudgetLedger budgets;
  private final Clock clock;
  private volatile java.time.Duration rotationMaxAge = OptimizationAdvisor.DEFAULT_ROTATION_MAX_AGE;

  public Reports(KeyRegistry keys, Router router, UsageLedger ledger, UsageAccounting accounting,
      CounterExchange counters, BudgetLedger budgets, Clock clock) {
    this.keys = keys;
    this.router = router;
    this.ledger = ledger;
    this.accounting = accounting;
    this.counters = counters;
    this.budgets = budgets;
    this.clock = clock;
  }

  /** The task types with at least one configured key (specialised, or any when backups exist). */
  public Set<String> configuredTaskTypes() {
    Set<String> tasks = new TreeSet<>();
    keys.all().forEach(k -> tasks.addAll(k.taskTypes()));
    return tasks;
  }

  /** Each key's figures now, in configuration order. */
  public List<KeyMetrics> keyMetrics() {
    return keyMetrics(counters.combine(accounting.snapshot()));
  }

  private List<KeyMetrics> keyMetrics(AccountingSnapshot all) {
    long now = clock.millis();
    BudgetLimits global = router.guards().globalBudget();
    double globalShare = global.any() ? global.utilisation(budgets.totalSpend()) : 0;
    List<KeyMetrics> out = new ArrayList<>();
    for (ApiKeyConfig k : keys.all()) {
      KeyState s = keys.state(k.keyId());
      UsageSnapshot u = ledger.usage(k.keyId());
      CounterSnapshot c = all.key(k.keyId());
      BudgetSpend spend = budgets.spend(k.keyId());
      double budgetShare = Math.max(
          new BudgetLimits(Math.max(0, k.dailyBudget()), Math.max(0, k.monthlyBudget())).utilisation(spend),
          globalShare);
      out.add(
          new KeyMetrics(
              k.keyId(),
              new ArrayList<>(new TreeSet<>(k.taskTypes())),
              k.backup(),
              k.priority(),
              k.costPerToken(),
              k.maxRpm(),
              k.maxTpm(),
              s.active(),
              s.quarantined(),
              s.coolingDownAt(now),
              u.requests(),
              u.tokens(),
              c.requests(),
              c.successes(),
              c.failures(),
              100 * c.successRatio(),
              c.averageLatencyMillis(),
              c.latencyEwmaMillis(),
              c.tokens(),
              c.cost(),
              s.circuitStateAt(now),
              Math.max(0, s.cooldownUntilMillis() - now),
              spend.today(),
              spend.thisMonth(),
              budgetShare));
    }
    return out;
  }

  /** The guide's {@code get_api_key_metrics()}. */
  public MetricsSnapshot metrics() {
    AccountingSnapshot all = counters.combine(accounting.snapshot());
    Map<String, KeyMetrics> byKey = new LinkedHashMap<>();
    keyMetrics(all).forEach(k -> byKey.put(k.keyId(), k));
    Set<String> configured = configuredTaskTypes();
    Map<String, TaskMetrics> tasks = new LinkedHashMap<>();
    Map<String, Map<String, Long>> distribution = new LinkedHashMap<>();
    for (String task : router.taskTypes()) {
      CounterSnapshot c = all.task(task);
      long rejected = all.rejected(task);
      if (c.requests() == 0 && rejected == 0 && !configured.contains(task)) {
        continue;
      }
      tasks.put(
          task,
          new TaskMetrics(
              task,
              router.strategyOf(task),
              c.requests(),
              c.successes(),
              c.failures(),
              rejected,
              100 * c.successRatio(),
              c.averageLatencyMillis(),
              c.tokens(),
              c.cost()));
      distribution.put(task, all.distribution(task));
    }
    return new MetricsSnapshot(clock.instant(), byKey, tasks, distribution);
  }

  /** The guide's {@code health_check()}. */
  public HealthReport health() {
    return new HealthAssessor().assess(clock.instant(), keyMetrics(), configuredTaskTypes());
  }

  /** Keys whose secret is older than this are recommended for rotation (default 90 days). */
  public void rotationMaxAge(java.time.Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("the rotation age must be positive, was " + value);
    }
    this.rotationMaxAge = value;
  }

  /** The guide's {@code optimize_api_key_allocation()}. */
  public OptimizationReport optimize() {
    Map<String, java.time.Instant> rotated = new java.util.HashMap<>();
    keys.all().forEach(k -> k.rotatedAt().ifPresent(at -> rotated.put(k.keyId(), at)));
    return new OptimizationAdvisor().advise(metrics(), configuredTaskTypes(), rotated, rotationMaxAge);
  }
}
