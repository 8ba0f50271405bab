package org.keytriage.simulator.internal;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed reads of JSON object fields that fail with a message naming the field, its place and what
 * was expected, e.g. {@code keys[2].rpm must be a whole number (was "30")}.
 */
public final class JsonFields {
  private JsonFields() {}

  /** Fails if the object has a field outside {@code allowed}, listing the allowed ones. */
  public static void rejectUnknown(JsonObject object, Set<String> allowed, String where) {
    for (String name : object.keySet()) {
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException(
            path(where, name) + " is not a known field; known fields: " + new TreeSet<>(allowed));
      }
    }
  }

  public static boolean has(JsonObject object, String name) {
    return object.containsKey(name) && object.get(name).getValueType() != JsonValue.ValueType.NULL;
  }

  public static long wholeNumber(JsonObject object, String name, long fallback, String where) {
    if (!has(object, name)) {
      return fallback;
    }
    JsonValue value = object.get(name);
    if (value instanceof JsonNumber number && number.isIntegral()) {
      try {
        return number.longValueExact();
      } catch (ArithmeticException e) {
        throw invalid(where, name, "a whole number in range", value);
      }
    }
    throw invalid(where, name, "a whole number", value);
  }

  public static int wholeInt(JsonObject object, String name, int fallback, String where) {
    long value = wholeNumber(object, name, fallback, where);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw invalid(where, name, "a whole number in range", object.get(name));
    }
    return (int) value;
  }

  public static double number(JsonObject object, String name, double fallback, String where) {
    if (!has(object, name)) {
      return fallback;
    }
    JsonValue value = object.get(name);
    if (value instanceof JsonNumber number) {
      return number.doubleValue();
    }
    throw invalid(where, name, "a number", value);
  }

  public static boolean bool(JsonObject object, String name, boolean fallback, String where) {
    if (!has(object, name)) {
      return fallback;
    }
    JsonValue value = object.get(name);
    if (value == JsonValue.TRUE) {
      return true;
    }
    if (value == JsonValue.FALSE) {
      return false;
    }
    throw invalid(where, name, "true or false", value);
  }

  public static String string(JsonObject object, String name, String fallback, String where) {
    if (!has(object, name)) {
      return fallback;
    }
    JsonValue value = object.get(name);
    if (value.getValueType() == JsonValue.ValueType.STRING) {
      return object.getString(name);
    }
    throw invalid(where, name, "a string", value);
  }

  public static JsonObject object(JsonObject object, String name, String where) {
    if (!has(object, name)) {
      return null;
    }
    JsonValue value = object.get(name);
    if (value.getValueType() == JsonValue.ValueType.OBJECT) {
      return value.asJsonObject();
    }
    throw invalid(where, name, "an object", value);
  }

  public static List<Integer> intList(
      JsonObject object, String name, List<Integer> fallback, String where) {
    if (!has(object, name)) {
      return fallback;
    }
    JsonValue value = object.get(name);
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw invalid(where, name, "an array of whole numbers", value);
    }
    List<Integer> out = new ArrayList<>();
    for (JsonValue item : value.asJsonArray()) {
      if (!(item instanceof JsonNumber number && number.isIntegral())) {
        throw invalid(where, name, "an array of whole numbers", value);
      }
      out.add(number.intValue());
    }
    return out;
  }

  public static String path(String where, String name) {
    return where == null || where.isEmpty() ? name : where + "." + name;
  }

  private static IllegalArgumentException invalid(
      String where, String name, String expected, JsonValue was) {
    return new IllegalArgumentException(
        path(where, name) + " must be " + expected + " (was " + was + ")");
  }
}
