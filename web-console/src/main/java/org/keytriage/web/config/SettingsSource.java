package org.keytriage.web.config;

import java.util.Optional;

/**
 * Typed property lookups: in the server, MicroProfile Config's {@code getOptionalValue(name, type)}
 * with its converters (and KeyTriage's {@link DurationConverter}); in tests, a map.
 */
public interface SettingsSource {

  /**
   * The property converted to {@code type}; empty when it is unset or blank.
   *
   * @throws IllegalArgumentException when the value cannot be converted
   */
  <T> Optional<T> value(String name, Class<T> type);

  /** Every property name the source knows (for the {@code keytriage.cluster.*} group). */
  Iterable<String> names();
}
