package org.keytriage.web.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link SettingsSource} over a map for tests, converting as MicroProfile Config does for the
 * types the settings read: String, Long (its built-in converter) and Duration (KeyTriage's
 * {@link DurationConverter}); a blank value is a missing one, as in MicroProfile Config.
 */
public final class MapSettings implements SettingsSource {
  private final Map<String, String> values;

  public MapSettings(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  @Override
  public <T> Optional<T> value(String name, Class<T> type) {
    String raw = values.get(name);
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    Object converted;
    if (type == String.class) {
      converted = raw;
    } else if (type == Long.class) {
      try {
        converted = Long.valueOf(raw.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a long: " + raw, e);
      }
    } else if (type == Duration.class) {
      converted = new DurationConverter().convert(raw);
    } else {
      throw new IllegalArgumentException("no converter for " + type);
    }
    return Optional.of(type.cast(converted));
  }

  @Override
  public Iterable<String> names() {
    return values.keySet();
  }
}
