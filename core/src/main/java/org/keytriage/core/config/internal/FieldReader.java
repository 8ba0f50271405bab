package org.keytriage.core.config.internal;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Typed access to the fields of one JSON object (an {@code api_keys} entry, or the top level),
 * recording a problem for each field that is missing or of the wrong type or range instead of
 * throwing, so one load reports every problem.
 *
 * <p>Rules shared by all fields: JSON {@code null} counts as absent (so the default applies);
 * strings go through {@code ${VAR}} substitution; numbers must be JSON numbers, not strings;
 * whole-number fields accept {@code 1000} and {@code 1000.0} but not {@code 1000.5}. Messages echo a
 * number the user wrote but never a string value.
 */
public final class FieldReader {
  /** Whether a number may be zero. */
  public enum Bound {
    /** {@code >= 0}. */
    NON_NEGATIVE,
    /** {@code > 0}. */
    POSITIVE
  }

  private final JsonObject object;
  private final Problems problems;
  private final VariableResolver resolver;
  private KeyRef where;

  public FieldReader(JsonObject object, KeyRef where, Problems problems, VariableResolver resolver) {
    this.object = object;
    this.where = where;
    this.problems = problems;
    this.resolver = resolver;
  }

  /** Names later messages by the key_id once it is known. */
  public void where(KeyRef value) {
    this.where = value;
  }

  public KeyRef where() {
    return where;
  }

  /** Whether the field is present and not null. */
  public boolean has(String name) {
    JsonValue v = object.get(name);
    return v != null && v.getValueType() != JsonValue.ValueType.NULL;
  }

  /** Whether the field is an array with no elements. */
  public boolean isEmptyArray(String name) {
    JsonValue v = object.get(name);
    return v != null && v.getValueType() == JsonValue.ValueType.ARRAY && ((JsonArray) v).isEmpty();
  }

  /**
   * A string, after {@code ${VAR}} substitution. Blank counts as missing when required.
   *
   * @param secret whether it is a secret: registered for scrubbing, substitution fixes say {@code
   *     <your key>}
   */
  public Optional<String> string(String name, boolean required, boolean secret, String fix) {
    if (!has(name)) {
      missing(name, required, fix);
      return Optional.empty();
    }
    JsonValue v = object.get(name);
    if (v.getValueType() != JsonValue.ValueType.STRING) {
      problems.error(
          where, name, name + " must be a string, but is " + JsonConfigReader.describe(v), fix);
      return Optional.empty();
    }
    String raw = ((JsonString) v).getString();
    if (secret && !raw.contains("${")) {
      problems.secret(raw); // a literal key; a ${VAR} reference is no secret and helps the user
    }
    String value = resolver.resolve(raw, where, name, secret, problems);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isBlank()) {
      if (required) {
        problems.error(where, name, name + " is blank", fix);
      }
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** A whole number {@code >= min}, e.g. max_rpm. */
  public OptionalLong wholeNumber(String name, boolean required, long min, String fix) {
    BigDecimal n = number(name, required, "a whole number", fix);
    if (n == null) {
      return OptionalLong.empty();
    }
    if (!isWhole(n)) {
      problems.error(where, name, name + " must be a whole number, but is " + text(n), fix);
      return OptionalLong.empty();
    }
    if (n.compareTo(BigDecimal.valueOf(min)) < 0) {
      String range = min == 1 ? "greater than 0" : "at least " + min;
      problems.error(where, name, name + " must be " + range + ", but is " + text(n), fix);
      return OptionalLong.empty();
    }
    try {
      if (!fitsLong(n)) {
        throw new ArithmeticException("too large");
      }
      return OptionalLong.of(n.toBigIntegerExact().longValueExact());
    } catch (ArithmeticException tooLarge) {
      problems.error(where, name, name + " is too large: " + text(n), fix);
      return OptionalLong.empty();
    }
  }

  /** Any whole number that fits an int, e.g. priority. */
  public OptionalInt integer(String name, boolean required, String fix) {
    BigDecimal n = number(name, required, "a whole number", fix);
    if (n == null) {
      return OptionalInt.empty();
    }
    if (!isWhole(n)) {
      problems.error(where, name, name + " must be a whole number, but is " + text(n), fix);
      return OptionalInt.empty();
    }
    try {
      if (!fitsLong(n)) {
        throw new ArithmeticException("too large");
      }
      return OptionalInt.of(n.toBigIntegerExact().intValueExact());
    } catch (ArithmeticException tooLarge) {
      problems.error(where, name, name + " is too large: " + text(n), fix);
      return OptionalInt.empty();
    }
  }

  /** A finite decimal number within the bound, e.g. cost_per_token or weight. */
  public OptionalDouble decimal(String name, boolean required, Bound bound, String fix) {
    BigDecimal n = number(name, required, "a number", fix);
    if (n == null) {
      return OptionalDouble.empty();
    }
    double d = n.doubleValue();
    if (Double.isInfinite(d)) {
      problems.error(where, name, name + " is too large: " + text(n), fix);
      return OptionalDouble.empty();
    }
    boolean ok = bound == Bound.POSITIVE ? n.signum() > 0 : n.signum() >= 0;
    if (!ok) {
      String range = bound == Bound.POSITIVE ? "greater than 0" : "0 or more";
      problems.error(where, name, name + " must be " + range + ", but is " + text(n), fix);
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(d);
  }

  /** {@code true} or {@code false}; never a string. */
  public Optional<Boolean> bool(String name, String fix) {
    if (!has(name)) {
      return Optional.empty();
    }
    JsonValue v = object.get(name);
    if (v.getValueType() == JsonValue.ValueType.TRUE) {
      return Optional.of(true);
    }
    if (v.getValueType() == JsonValue.ValueType.FALSE) {
      return Optional.of(false);
    }
    problems.error(
        where,
        name,
        name + " must be true or false, but is " + JsonConfigReader.describe(v),
        fix);
    return Optional.empty();
  }

  /**
   * An array of non-blank strings, each after substitution; empty if absent (and reported when
   * required). Element problems are reported per element; the result then holds the good ones.
   */
  public Optional<List<String>> stringArray(String name, boolean required, String fix) {
    if (!has(name)) {
      missing(name, required, fix);
      return Optional.empty();
    }
    JsonValue v = object.get(name);
    if (v.getValueType() != JsonValue.ValueType.ARRAY) {
      problems.error(
          where,
          name,
          name + " must be an array of strings, but is " + JsonConfigReader.describe(v),
          fix);
      return Optional.empty();
    }
    JsonArray array = (JsonArray) v;
    List<String> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonValue element = array.get(i);
      String path = name + "[" + i + "]";
      if (element.getValueType() != JsonValue.ValueType.STRING) {
        problems.error(
            where,
            name,
            path + " must be a string, but is " + JsonConfigReader.describe(element),
            fix);
        continue;
      }
      String value =
          resolver.resolve(((JsonString) element).getString(), where, path, false, problems);
      if (value == null) {
        continue;
      }
      if (value.isBlank()) {
        problems.error(where, name, path + " is blank", fix);
        continue;
      }
      out.add(value);
    }
    return Optional.of(out);
  }

  /** Warns about each field not in {@code known}: ignored, so probably a typo or a newer field. */
  /** Records a problem with a field whose value was read but is not usable. */
  public void error(String name, String what, String fix) {
    problems.error(where, name, name + " " + what, fix);
  }

  public void warnUnknownFields(Set<String> known, String context) {
    for (String name : object.keySet()) {
      if (!known.contains(name)) {
        problems.warn(
            where,
            "unknown field '" + name + "' in " + context + " is ignored"
                + Suggestions.didYouMean(name, known),
            "remove it, or correct its name; known fields: " + Suggestions.listOf(known));
      }
    }
  }

  private BigDecimal number(String name, boolean required, String kind, String fix) {
    if (!has(name)) {
      missing(name, required, fix);
      return null;
    }
    JsonValue v = object.get(name);
    if (v.getValueType() != JsonValue.ValueType.NUMBER) {
      String hint =
          v.getValueType() == JsonValue.ValueType.STRING ? " (write the number without quotes)" : "";
      problems.error(
          where,
          name,
          name + " must be " + kind + ", but is " + JsonConfigReader.describe(v) + hint,
          fix);
      return null;
    }
    return ((JsonNumber) v).bigDecimalValue();
  }

  private void missing(String name, boolean required, String fix) {
    if (required) {
      problems.error(where, name, name + " is missing", fix);
    }
  }

  /** Guards the exact conversions: {@code 1e999999999} must not build a billion-digit integer. */
  private static boolean fitsLong(BigDecimal n) {
    return n.precision() - n.scale() <= 19;
  }

  private static boolean isWhole(BigDecimal n) {
    return n.signum() == 0 || n.stripTrailingZeros().scale() <= 0;
  }

  private static String text(BigDecimal n) {
    return n.toString();
  }
}
