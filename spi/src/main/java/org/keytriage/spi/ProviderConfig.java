package org.keytriage.spi;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Settings handed to a factory when it creates a provider: plain strings, read with typed getters
 * that fall back to a default and name the setting when a value does not parse, and the gateway's
 * {@link JsonCodec}.
 *
 * <p>KeyTriage creates every provider with a config from its plugin registry, made with {@link
 * #of(Map, JsonCodec)}, so it carries the engine's codec. {@link #empty()} and {@link #of(Map)}
 * make configs without one: enough for a provider that reads no JSON (a balancing strategy) and
 * for tests of settings alone.
 */
public final class ProviderConfig {
  private static final ProviderConfig EMPTY = new ProviderConfig(Map.of(), null);

  private final Map<String, String> values;
  /** Null when made without one: {@link #json()} then says where a codec comes from. */
  private final JsonCodec json;

  private ProviderConfig(Map<String, String> values, JsonCodec json) {
    this.values = Map.copyOf(values);
    this.json = json;
  }

  /** No settings and no codec. */
  public static ProviderConfig empty() {
    return EMPTY;
  }

  /** These settings and no codec: {@link #json()} throws. */
  public static ProviderConfig of(Map<String, String> values) {
    return values.isEmpty() ? EMPTY : new ProviderConfig(values, null);
  }

  /** These settings with the codec handed to the provider through {@link #json()}. */
  public static ProviderConfig of(Map<String, String> values, JsonCodec json) {
    return new ProviderConfig(values, Objects.requireNonNull(json, "json"));
  }

  public Map<String, String> asMap() {
    return values;
  }

  /**
   * The gateway's JSON codec, the one a handler parses and writes JSON with (see {@link
   * JsonCodec} for its tree model).
   *
   * @throws IllegalStateException when this config was made without one ({@link #empty()}, {@link
   *     #of(Map)})
   */
  public JsonCodec json() {
    if (json == null) {
      throw new IllegalStateException(
          "this ProviderConfig has no JSON codec: providers must be created through KeyTriage's "
              + "plugin registry, which supplies the codec (PluginRegistry.config), or with "
              + "ProviderConfig.of(values, codec)");
    }
    return json;
  }

  public String getString(String name, String defaultValue) {
    return values.getOrDefault(name, defaultValue);
  }

  public long getLong(String name, long defaultValue) {
    String raw = values.get(name);
    if (raw == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw invalid(name, raw, "a whole number");
    }
  }

  public double getDouble(String name, double defaultValue) {
    String raw = values.get(name);
    if (raw == null) {
      return defaultValue;
    }
    try {
      return Double.parseDouble(raw.trim());
    } catch (NumberFormatException e) {
      throw invalid(name, raw, "a decimal number");
    }
  }

  public boolean getBoolean(String name, boolean defaultValue) {
    String raw = values.get(name);
    if (raw == null) {
      return defaultValue;
    }
    String v = raw.trim().toLowerCase(java.util.Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw invalid(name, raw, "true or false");
  }

  private static IllegalArgumentException invalid(String name, String raw, String expected) {
    return new IllegalArgumentException(
        "setting '" + name + "' is '" + raw + "' but must be " + expected);
  }

  @Override
  public String toString() {
    return "ProviderConfig" + new TreeMap<>(values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProviderConfig other
        && values.equals(other.values)
        && Objects.equals(json, other.json);
  }

  @Override
  public int hashCode() {
    return Objects.hash(values, json);
  }
}
