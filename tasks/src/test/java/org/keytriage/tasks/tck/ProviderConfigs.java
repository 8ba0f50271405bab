package org.keytriage.tasks.tck;

import java.util.Map;
import org.keytriage.core.json.JsonTrees;
import org.keytriage.spi.ProviderConfig;

/**
 * Configs as the gateway hands them to a factory: the given settings with the engine's JSON codec
 * ({@link JsonTrees#codec()}), which a handler may take from {@link ProviderConfig#json()}.
 */
public final class ProviderConfigs {
  private ProviderConfigs() {}

  /** No settings, the engine's codec. */
  public static ProviderConfig empty() {
    return of(Map.of());
  }

  /** These settings, the engine's codec. */
  public static ProviderConfig of(Map<String, String> values) {
    return ProviderConfig.of(values, JsonTrees.codec());
  }
}
