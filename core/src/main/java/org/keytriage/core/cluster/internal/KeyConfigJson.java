package org.keytriage.core.cluster.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.core.config.KeyEntries;
import org.keytriage.core.config.Secret;
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
    Map<String, Object> m = KeyEntries.fields(k);
    m.put("api_key", k.apiKey().reveal());
    return JsonTrees.write(m);
  }

  static ApiKeyConfig read(String json) {
    Map<String, Object> m = new LinkedHashMap<>(JsonTrees.parseObject(json)
        .orElseThrow(() -> new IllegalArgumentException("a key catalogue entry is not a JSON object")));
    Secret secret = Secret.of((String) m.remove("api_key"));
    return KeyEntries.stored(JsonTrees.write(m), secret);
  }
}
