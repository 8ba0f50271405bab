package org.keytriage.web.ops.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.accounting.KeyMetrics;
import org.keytriage.core.config.ApiKeyConfig;

/**
 * A key as operators see it: configuration (secret masked), limits, live usage, totals and state.
 * The secret appears only as {@link org.keytriage.core.config.Secret#masked()}.
 */
public final class KeyViews {
  private final KeyTriage keyTriage;

  public KeyViews(KeyTriage keyTriage) {
    this.keyTriage = keyTriage;
  }

  public List<Map<String, Object>> all() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (KeyMetrics m : keyTriage.keyMetrics()) {
      out.add(view(keyTriage.key(m.keyId()), m));
    }
    return out;
  }

  public Optional<Map<String, Object>> one(String keyId) {
    return keyTriage.keyMetrics().stream().filter(m -> m.keyId().equals(keyId)).findFirst()
        .map(m -> view(keyTriage.key(keyId), m));
  }

  static Map<String, Object> view(ApiKeyConfig k, KeyMetrics m) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("key_id", k.keyId());
    v.put("api_key", k.apiKey() == null ? null : k.apiKey().masked());
    v.put("status", m.status());
    v.put("usable", m.usable());
    v.put("task_types", new ArrayList<>(new TreeSet<>(k.taskTypes())));
    v.put("is_backup", k.backup());
    v.put("priority", k.priority());
    v.put("weight", k.weight());
    v.put("cost_per_token", k.costPerToken());
    v.put("base_url", withoutUserInfo(k.baseUrl()));
    v.put("rotated_at", k.rotatedAt().map(Object::toString).orElse(null));

    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("max_rpm", k.maxRpm());
    limits.put("max_tpm", k.maxTpm());
    limits.put("daily_budget", k.dailyBudget());
    limits.put("monthly_budget", k.monthlyBudget());
    v.put("limits", limits);

    Map<String, Object> usage = new LinkedHashMap<>();
    usage.put("current_rpm", m.currentRpm());
    usage.put("current_tpm", m.currentTpm());
    usage.put("utilisation", m.utilisation());
    usage.put("total_requests", m.totalRequests());
    usage.put("successful_requests", m.successfulRequests());
    usage.put("failed_requests", m.failedRequests());
    usage.put("success_rate", m.successRate());
    usage.put("average_response_time", m.averageResponseTimeMillis());
    usage.put("total_tokens", m.totalTokens());
    usage.put("total_cost", m.totalCost());
    usage.put("daily_spend", m.dailySpend());
    usage.put("monthly_spend", m.monthlySpend());
    usage.put("budget_utilisation", m.budgetUtilisation());
    v.put("usage", usage);

    Map<String, Object> state = new LinkedHashMap<>();
    state.put("is_active", m.active());
    state.put("quarantined", m.quarantined());
    state.put("cooling_down", m.coolingDown());
    state.put("cooldown_remaining_ms", m.cooldownRemainingMillis());
    state.put("circuit_state", m.circuitState().name().toLowerCase(Locale.ROOT));
    v.put("state", state);
    return v;
  }

  /** A base URL never carries credentials into an answer. */
  public static String withoutUserInfo(String url) {
    try {
      URI u = URI.create(url);
      if (u.getUserInfo() == null) {
        return url;
      }
      return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
    } catch (Exception e) {
      return url;
    }
  }
}
