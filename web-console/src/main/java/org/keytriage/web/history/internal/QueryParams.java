package org.keytriage.web.history.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.keytriage.web.errors.ApiException;

/** Reads the history resources' query parameters, answering 400 that names the parameter. */
public final class QueryParams {
  private QueryParams() {}

  /** An instant ({@code 2026-12-02T10:00:00Z}) or a UTC date ({@code 2026-12-02}: its start); null when absent. */
  public static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw invalid(name, "an instant such as 2026-12-02T10:00:00Z or a date such as 2026-12-02");
    }
  }

  /** A whole number in [min, max]; {@code fallback} when absent. */
  public static int integer(String name, String value, int fallback, int min, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw invalid(name, "a whole number from " + min + " to " + max);
  }

  /** One of the enum's names, written in lower case; {@code fallback} when absent. */
  public static <E extends Enum<E>> E choice(String name, String value, Class<E> type, E fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      StringBuilder names = new StringBuilder();
      for (E c : type.getEnumConstants()) {
        names.append(names.length() == 0 ? "" : ", ").append(c.name().toLowerCase(Locale.ROOT));
      }
      throw invalid(name, "one of " + names);
    }
  }

  /** Whether the caller asked for CSV ({@code format=csv}); 400 for another format than json or csv. */
  public static boolean csv(String format) {
    if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
      return false;
    }
    if (format.equalsIgnoreCase("csv")) {
      return true;
    }
    throw invalid("format", "json or csv");
  }

  /** Text filters pass as given (they are compared, never parsed); blank means no filter. */
  public static String text(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  public static ApiException invalid(String name, String expected) {
    return ApiException.badRequest("invalid_parameter", "Invalid query parameter",
        "The query parameter '" + name + "' must be " + expected + ".");
  }
}
