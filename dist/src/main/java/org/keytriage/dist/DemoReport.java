package org.keytriage.dist;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.accounting.HealthReport;
import org.keytriage.core.accounting.KeyMetrics;
import org.keytriage.core.accounting.MetricsSnapshot;
import org.keytriage.core.accounting.OptimizationReport;
import org.keytriage.core.accounting.Recommendation;
import org.keytriage.core.alerts.Alert;
import org.keytriage.core.alerts.AlertType;
import org.keytriage.core.alerts.RecentAlerts;
import org.keytriage.core.config.ApiKeyConfig;

/** Prints what the guide's demo promises, from the engine's own reports. */
final class DemoReport {
  private final KeyTriage keyTriage;
  private final PrintStream out;

  DemoReport(KeyTriage keyTriage, PrintStream out) {
    this.keyTriage = keyTriage;
    this.out = out;
  }

  void print(Workload workload, RecentAlerts alerts) {
    MetricsSnapshot metrics = keyTriage.metrics();
    allocation(metrics);
    usage(metrics, workload);
    balancing(metrics);
    alerts(alerts);
    optimisation(keyTriage.optimize());
    health(keyTriage.health());
  }

  private void allocation(MetricsSnapshot metrics) {
    out.println();
    out.println("✅ Task-specific key allocation");
    long total = 0;
    long correct = 0;
    for (Map.Entry<String, Map<String, Long>> task : metrics.taskDistribution().entrySet()) {
      for (Map.Entry<String, Long> key : task.getValue().entrySet()) {
        total += key.getValue();
        if (config(key.getKey()).serves(task.getKey())) {
          correct += key.getValue();
        }
      }
    }
    out.printf(Locale.ROOT, "  %d of %d calls went to a key configured for their task or to a backup (%.1f%%)%n",
        correct, total, total == 0 ? 100.0 : 100.0 * correct / total);
  }

  private void usage(MetricsSnapshot metrics, Workload workload) {
    out.println();
    out.println("📊 Usage metrics and cost analysis");
    out.println("  " + workload.summary());
    out.printf(Locale.ROOT, "  Total cost: $%.6f   Total upstream calls booked: %d   Success rate: %.1f%%%n",
        metrics.totalCost(), metrics.totalRequests(), metrics.overallSuccessRate());
    out.printf("  %-28s %9s %9s %10s %9s %9s %11s%n", "key", "requests", "success", "avg ms", "RPM now", "TPM now", "cost $");
    for (KeyMetrics k : metrics.keyMetrics().values().stream().sorted(java.util.Comparator.comparing(KeyMetrics::keyId)).toList()) {
      out.printf(Locale.ROOT, "  %-28s %9d %8.1f%% %10.1f %9d %9d %11.6f%n",
          k.keyId(), k.totalRequests(), k.successRate(), k.averageResponseTimeMillis(),
          k.currentRpm(), k.currentTpm(), k.totalCost());
    }
  }

  private void balancing(MetricsSnapshot metrics) {
    out.println();
    out.println("🔄 Load balancing");
    metrics.taskDistribution().forEach((task, split) -> {
      long sum = split.values().stream().mapToLong(Long::longValue).sum();
      StringBuilder line = new StringBuilder();
      split.forEach((key, n) -> line.append(String.format(Locale.ROOT, "%s %.0f%%  ", key, sum == 0 ? 0.0 : 100.0 * n / sum)));
      out.printf("  %-30s [%s] %s%n", task, keyTriage.strategyOf(task), line.toString().trim());
    });
  }

  private void alerts(RecentAlerts alerts) {
    out.println();
    out.println("⚠️  Failover and alerts");
    Map<AlertType, List<Alert>> byType = new EnumMap<>(AlertType.class);
    alerts.recent().forEach(a -> byType.computeIfAbsent(a.type(), t -> new ArrayList<>()).add(a));
    if (byType.isEmpty()) {
      out.println("  none: every key answered");
    }
    byType.forEach((type, list) -> {
      out.printf("  %-18s %3d× e.g. %s%n", type, list.size(), list.get(0).message());
    });
  }

  private void optimisation(OptimizationReport report) {
    out.println();
    out.printf("💡 Optimization score: %d/100%n", report.optimizationScore());
    for (Recommendation r : report.recommendations()) {
      out.printf("  %s: %s%n", r.type(), r.message());
    }
    if (report.recommendations().isEmpty()) {
      out.println("  no recommendations");
    }
  }

  private void health(HealthReport health) {
    out.println();
    out.printf("🩺 Status: %s   Health score: %d/100   Active keys: %d of %d%n",
        health.status(), health.healthScore(), health.activeKeys(), health.totalKeys());
  }

  private ApiKeyConfig config(String keyId) {
    return keyTriage.keys().all().stream().filter(k -> k.keyId().equals(keyId)).findFirst().orElseThrow();
  }
}
