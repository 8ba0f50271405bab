package org.keytriage.dist.server;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.keytriage.dist.Workload;

/**
 * Prints what the guide's demo promises — task-specific allocation, usage metrics and cost
 * analysis, the load-balancing split, failover alerts, optimisation advice and health — from the
 * running server's operators' API.
 */
final class ServerReport {
  private final ServerClient client;
  private final PrintStream out;

  ServerReport(ServerClient client, PrintStream out) {
    this.client = client;
    this.out = out;
  }

  void print(Workload workload) throws IOException, InterruptedException {
    JsonObject metrics = client.ops("/api/v1/metrics").asJsonObject();
    JsonArray keys = client.ops("/api/v1/keys").asJsonArray();
    JsonArray taskTypes = client.ops("/api/v1/task-types").asJsonArray();
    allocation(metrics, keys);
    usage(metrics, workload);
    balancing(metrics, taskTypes);
    alerts(client.ops("/api/v1/alerts").asJsonArray());
    optimisation(client.ops("/api/v1/optimization").asJsonObject());
    health(client.ops("/api/v1/health").asJsonObject());
  }

  private void allocation(JsonObject metrics, JsonArray keys) {
    Map<String, JsonObject> byId = new HashMap<>();
    keys.getValuesAs(JsonObject.class).forEach(k -> byId.put(k.getString("key_id"), k));
    long total = 0;
    long correct = 0;
    JsonObject distribution = metrics.getJsonObject("task_distribution");
    for (String task : distribution.keySet()) {
      JsonObject split = distribution.getJsonObject(task);
      for (String keyId : split.keySet()) {
        long n = split.getJsonNumber(keyId).longValue();
        total += n;
        JsonObject key = byId.get(keyId);
        boolean serves = key != null && (key.getBoolean("is_backup")
            || key.getJsonArray("task_types").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(s -> s.getString().equals(task)));
        if (serves) {
          correct += n;
        }
      }
    }
    out.println();
    out.println("✅ Task-specific key allocation");
    out.printf(Locale.ROOT, "  %d of %d calls went to a key configured for their task or to a backup (%.1f%%)%n",
        correct, total, total == 0 ? 100.0 : 100.0 * correct / total);
  }

  private void usage(JsonObject metrics, Workload workload) {
    out.println();
    out.println("📊 Usage metrics and cost analysis");
    out.println("  " + workload.summary());
    out.printf(Locale.ROOT, "  Total cost: $%.6f   Total upstream calls booked: %d   Success rate: %.1f%%%n",
        num(metrics, "total_cost"), metrics.getJsonNumber("total_requests").longValue(), num(metrics, "overall_success_rate"));
    out.printf("  %-28s %9s %9s %10s %9s %9s %11s%n", "key", "requests", "success", "avg ms", "RPM now", "TPM now", "cost $");
    JsonObject keyMetrics = metrics.getJsonObject("key_metrics");
    for (String id : new TreeMap<>(keyMetrics).keySet()) {
      JsonObject k = keyMetrics.getJsonObject(id);
      out.printf(Locale.ROOT, "  %-28s %9d %8.1f%% %10.1f %9d %9d %11.6f%n", id,
          k.getJsonNumber("total_requests").longValue(), num(k, "success_rate"), num(k, "average_response_time"),
          k.getJsonNumber("current_rpm").longValue(), k.getJsonNumber("current_tpm").longValue(), num(k, "total_cost"));
    }
  }

  private void balancing(JsonObject metrics, JsonArray taskTypes) {
    Map<String, String> strategies = new LinkedHashMap<>();
    taskTypes.getValuesAs(JsonObject.class).forEach(t -> strategies.put(t.getString("task_type"), t.getString("strategy")));
    out.println();
    out.println("🔄 Load balancing");
    JsonObject distribution = metrics.getJsonObject("task_distribution");
    for (String task : new TreeMap<>(distribution).keySet()) {
      JsonObject split = distribution.getJsonObject(task);
      long sum = split.values().stream().mapToLong(v -> ((JsonNumber) v).longValue()).sum();
      String line = split.keySet().stream()
          .map(k -> String.format(Locale.ROOT, "%s %.0f%%", k, sum == 0 ? 0.0 : 100.0 * split.getJsonNumber(k).longValue() / sum))
          .collect(Collectors.joining("  "));
      out.printf("  %-30s [%s] %s%n", task, strategies.getOrDefault(task, "?"), line);
    }
  }

  private void alerts(JsonArray alerts) {
    out.println();
    out.println("⚠️  Failover and alerts");
    Map<String, List<JsonObject>> byType = alerts.getValuesAs(JsonObject.class).stream()
        .collect(Collectors.groupingBy(a -> a.getString("type"), TreeMap::new, Collectors.toList()));
    if (byType.isEmpty()) {
      out.println("  none: every key answered");
    }
    byType.forEach((type, list) ->
        out.printf("  %-18s %3d× e.g. %s%n", type.toUpperCase(Locale.ROOT), list.size(), list.get(0).getString("message")));
  }

  private void optimisation(JsonObject advice) {
    out.println();
    out.printf("💡 Optimization score: %d/100%n", advice.getInt("optimization_score"));
    JsonArray recommendations = advice.getJsonArray("recommendations");
    for (JsonObject r : recommendations.getValuesAs(JsonObject.class)) {
      out.printf("  %s: %s%n", r.getString("type"), r.getString("message"));
    }
    if (recommendations.isEmpty()) {
      out.println("  no recommendations");
    }
  }

  private void health(JsonObject health) {
    JsonObject keys = health.getJsonObject("api_key_status");
    out.println();
    out.printf("🩺 Status: %s   Health score: %d/100   Active keys: %d of %d%n", health.getString("status"),
        health.getInt("health_score"), keys.getInt("active_keys"), keys.getInt("total_keys"));
  }

  private static double num(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v instanceof JsonNumber n ? n.doubleValue() : 0.0;
  }

  static Set<String> sections() {
    return Set.of("✅ Task-specific key allocation", "📊 Usage metrics and cost analysis", "🔄 Load balancing",
        "💡 Optimization score:", "🩺 Status:");
  }
}
