package org.keytriage.web.ops.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keytriage.core.KeyTriage;
import org.keytriage.core.config.ApiKeyConfig;

/** A task type: its strategy and the keys that serve it, specialised before backups. */
public final class TaskTypeViews {
  private final KeyTriage keyTriage;

  public TaskTypeViews(KeyTriage keyTriage) {
    this.keyTriage = keyTriage;
  }

  public List<Map<String, Object>> all() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String t : keyTriage.taskTypes()) {
      out.add(one(t));
    }
    return out;
  }

  /** The keys specialised for the task type, in configuration order. */
  public static List<String> specialised(KeyTriage keyTriage, String taskType) {
    return keyTriage.keys().all().stream().filter(k -> k.specialisedFor(taskType)).map(ApiKeyConfig::keyId).toList();
  }

  /** The backups that serve the task type without being specialised for it, in configuration order. */
  public static List<String> backups(KeyTriage keyTriage, String taskType) {
    return keyTriage.keys().all().stream().filter(k -> k.backup() && !k.specialisedFor(taskType))
        .map(ApiKeyConfig::keyId).toList();
  }

  public Map<String, Object> one(String taskType) {
    List<Map<String, Object>> keys = new ArrayList<>();
    specialised(keyTriage, taskType).forEach(id -> keys.add(entry(id, "specialised")));
    backups(keyTriage, taskType).forEach(id -> keys.add(entry(id, "backup")));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task_type", taskType);
    m.put("strategy", keyTriage.strategyOf(taskType));
    m.put("configured", keyTriage.configuredTaskTypes().contains(taskType));
    m.put("keys", keys);
    return m;
  }

  /** key_id first, then tier: the same order in every answer (Map.of's order changes from one JVM to the next). */
  private static Map<String, Object> entry(String keyId, String tier) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("key_id", keyId);
    m.put("tier", tier);
    return m;
  }
}
