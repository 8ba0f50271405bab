package org.keytriage.core.config.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks across {@code api_keys} entries, after each entry was read on its own: key_ids are
 * unique (the usage ledger, metrics and failover all key on them), and every known task type has
 * some active key, or requests for it can only fail.
 */
public final class ConfigValidator {
  private final Problems problems;
  private final Set<String> knownTaskTypes;

  public ConfigValidator(Problems problems, Set<String> knownTaskTypes) {
    this.problems = problems;
    this.knownTaskTypes = Set.copyOf(knownTaskTypes);
  }

  public void check(List<ParsedKey> keys) {
    checkUniqueKeyIds(keys);
    warnUncoveredTaskTypes(keys);
  }

  private void checkUniqueKeyIds(List<ParsedKey> keys) {
    Map<String, Integer> firstIndex = new HashMap<>();
    for (ParsedKey key : keys) {
      if (key.keyId() == null) {
        continue;
      }
      Integer first = firstIndex.putIfAbsent(key.keyId(), key.index());
      if (first != null) {
        problems.error(
            new KeyRef(key.keyId(), key.index()),
            "key_id",
            "key_id '" + key.keyId() + "' is used twice, by api_keys[" + first + "] and api_keys["
                + key.index() + "]",
            "give each key a unique key_id, e.g. '" + key.keyId() + "_2'");
      }
    }
  }

  private void warnUncoveredTaskTypes(List<ParsedKey> keys) {
    for (String taskType : new TreeSet<>(knownTaskTypes)) {
      boolean served =
          keys.stream()
              .map(ParsedKey::config)
              .anyMatch(k -> k != null && k.active() && k.serves(taskType));
      if (!served) {
        problems.warn(
            KeyRef.FILE,
            "no active key serves task type '" + taskType + "', so its requests will fail with"
                + " 'No available API key for task: " + taskType + "'",
            "add it to a key's task_types, or add a key with \"is_backup\": true");
      }
    }
  }
}
