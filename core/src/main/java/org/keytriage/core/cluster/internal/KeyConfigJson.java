package org.keytriage.core.cluster.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.json.JsonTrees;

/**
 * A key's configuration as a JSON string in the guide's field names, for the grid: plain strings
 * need no KeyTriage class on a grid thread. The secret is in it, as in the configuration file:
 * the grid is the hospital's own members, bound to their cluster interface (see docs/cluster.md);
 * encrypting it at rest is the persistence layer's job.
 */
final class KeyConfigJson {
  private KeyConfigJson() {}

  static String write(ApiKeyConfig k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key_id", k.keyId());
    m.put("api_key", k.apiKey().reveal());
    m.put("max_rpm", k.maxRpm());
    m.put("max_tpm", k.maxTpm());
    m.put("priority", k.priority());
    m.put("task_types", new ArrayList<>(new TreeSet<>(k.taskTypes())));
    m.put("cost_per_token", k.costPerToken());
    m.put("base_url", k.baseUrl());
    m.put("weight", k.weight());
    m.put("is_active", k.active());
    m.put("is_backup", k.backup());
    m.put("daily_budget", k.dailyBudget());
    m.put("monthly_budget", k.monthlyBudget());
    return JsonTrees.write(m);
  }

  @SuppressWarnings("unchecked")
  static ApiKeyConfig read(String json) {
    Map<String, Object> m = JsonTrees.parseObject(json)
        .orElseThrow(() -> new IllegalArgumentException("a key catalogue entry is not a JSON object"));
    return ApiKeyConfig.builder((String) m.get("key_id"))
        .apiKey((String) m.get("api_key"))
        .maxRpm(number(m, "max_rpm").longValue())
        .maxTpm(number(m, "max_tpm").longValue())
        .priority(number(m, "priority").intValue())
        .taskTypes(((List<Object>) m.get("task_types")).stream().map(String::valueOf).toArray(String[]::new))
        .costPerToken(number(m, "cost_per_token").doubleValue())
        .baseUrl((String) m.get("base_url"))
        .weight(number(m, "weight").doubleValue())
        .active((Boolean) m.get("is_active"))
        .backup((Boolean) m.get("is_backup"))
        .dailyBudget(number(m, "daily_budget").doubleValue())
        .monthlyBudget(number(m, "monthly_budget").doubleValue())
        .build();
  }

  private static BigDecimal number(Map<String, Object> m, String field) {
    return new BigDecimal(String.valueOf(m.get(field)));
  }
}
