package org.keytriage.spi;

import java.util.Map;
import java.util.TreeMap;

/**
 * Settings handed to a factory when it creates a provider: plain strings, read with typed getters
 * that fall back to a default and name the setting when a value does not parse.
 */
public final class ProviderConfig {
  private static final ProviderConfig EMPTY = new ProviderConfig(Map.of());

  private final Map<String, String> values;

  private ProviderConfig(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static ProviderConfig empty() {
    return EMPTY;
  }

  public static ProviderConfig of(Map<String, String> values) {
    return values.isEmpty() ? EMPTY : new ProviderConfig(values);
  }

  public Map<String, String> asMap() {
    return values;
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
    return o instanceof ProviderConfig other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }
}
