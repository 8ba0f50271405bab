package org.keytriage.web.config;

import jakarta.annotation.Priority;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads a duration the way operators write one: a plain number of seconds ({@code 30}, as the
 * {@code *-seconds} properties always took), a number with a unit ({@code 250ms}, {@code 30s},
 * {@code 5m}, {@code 2h}), or ISO-8601 ({@code PT30S}). Registered with MicroProfile Config
 * through {@code META-INF/services}, above the default priority so it is the one used.
 */
@Priority(200)
public final class DurationConverter implements Converter<Duration> {
  private static final long serialVersionUID = 1L;

  @Override
  public Duration convert(String value) {
    if (value == null) {
      throw new NullPointerException("value");
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.isEmpty()) {
      return null; // MicroProfile Config: an empty value is a missing one
    }
    try {
      if (v.startsWith("pt") || v.startsWith("p")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      }
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
      }
      char unit = v.charAt(v.length() - 1);
      String number = Character.isDigit(unit) ? v : v.substring(0, v.length() - 1).trim();
      long n = Long.parseLong(number);
      return switch (unit) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        default -> {
          if (!Character.isDigit(unit)) {
            throw new IllegalArgumentException(bad(value));
          }
          yield Duration.ofSeconds(n);
        }
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(bad(value), e);
    }
  }

  private static String bad(String value) {
    return "'" + value.trim() + "' is not a duration: write seconds (30), a number with a unit"
        + " (250ms, 30s, 5m, 2h) or ISO-8601 (PT30S)";
  }
}
