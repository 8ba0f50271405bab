package org.keytriage.strategies.internal;

import org.keytriage.spi.ProviderConfig;

/**
 * Reads range-checked settings; every failure is an {@link IllegalArgumentException} that names the
 * setting, as {@link org.keytriage.spi.ProviderFactory#create(ProviderConfig)} requires.
 */
final class Settings {
  private Settings() {}

  /** A decimal in {@code [min, max]}; NaN and values out of range are rejected. */
  static double decimalBetween(
      ProviderConfig config, String name, double defaultValue, double min, double max) {
    double value = config.getDouble(name, defaultValue);
    if (!(value >= min && value <= max)) {
      throw outOfRange(config, name, "between " + min + " and " + max);
    }
    return value;
  }

  /** A finite decimal above zero. */
  static double positiveDecimal(ProviderConfig config, String name, double defaultValue) {
    double value = config.getDouble(name, defaultValue);
    if (!(value > 0 && Double.isFinite(value))) {
      throw outOfRange(config, name, "a finite number above 0");
    }
    return value;
  }

  private static IllegalArgumentException outOfRange(
      ProviderConfig config, String name, String expected) {
    return new IllegalArgumentException(
        "setting '" + name + "' is '" + config.getString(name, "") + "' but must be " + expected);
  }
}
