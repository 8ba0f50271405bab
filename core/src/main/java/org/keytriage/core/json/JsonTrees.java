package org.keytriage.core.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON text to plain object trees and back, through JSON-P: objects become {@code
 * LinkedHashMap}s, arrays {@code ArrayList}s, whole numbers {@code Long} (or {@code BigInteger}
 * beyond 64 bits), other numbers {@code BigDecimal} (so a body relayed upstream keeps its exact
 * digits), and {@code true}/{@code false}/{@code null} themselves. Writing accepts the same plus
 * any {@code Number} (NaN and infinities become {@code null}, which JSON cannot express), enums
 * (lower-case name), iterables and arrays. Thread-safe; the provider is looked up once because
 * {@code Json.create…} would search the class path on every call.
 */
public final class JsonTrees {
  private static final JsonProvider JSON = JsonProvider.provider();

  private JsonTrees() {}

  /** Parses any JSON value. */
  public static Object parse(String text) {
    try (var reader = JSON.createReader(new StringReader(text))) {
      return toJava(reader.readValue());
    }
  }

  /** Parses a JSON object; empty when the text is not one (not JSON, or another kind of value). */
  @SuppressWarnings("unchecked")
  public static Optional<Map<String, Object>> parseObject(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      Object value = parse(text);
      return value instanceof Map ? Optional.of((Map<String, Object>) value) : Optional.empty();
    } catch (jakarta.json.JsonException e) {
      return Optional.empty();
    }
  }

  public static String write(Object tree) {
    return toJson(tree).toString();
  }

  /** The plain tree of a JSON-P value. */
  public static Object toJava(JsonValue v) {
    switch (v.getValueType()) {
      case OBJECT:
        Map<String, Object> m = new LinkedHashMap<>();
        ((JsonObject) v).forEach((k, x) -> m.put(k, toJava(x)));
        return m;
      case ARRAY:
        List<Object> l = new ArrayList<>();
        ((JsonArray) v).forEach(x -> l.add(toJava(x)));
        return l;
      case STRING:
        return ((JsonString) v).getString();
      case NUMBER:
        JsonNumber n = (JsonNumber) v;
        if (n.isIntegral()) {
          BigInteger big = n.bigIntegerValue();
          return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        return n.bigDecimalValue();
      case TRUE:
        return Boolean.TRUE;
      case FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  /** The JSON-P value of a plain tree. */
  public static JsonValue toJson(Object o) {
    if (o == null) {
      return JsonValue.NULL;
    }
    if (o instanceof JsonValue jv) {
      return jv;
    }
    if (o instanceof String s) {
      return JSON.createValue(s);
    }
    if (o instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) {
      return JSON.createValue(((Number) o).longValue());
    }
    if (o instanceof BigInteger bi) {
      return JSON.createValue(bi);
    }
    if (o instanceof BigDecimal bd) {
      return JSON.createValue(bd);
    }
    if (o instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? JSON.createValue(d) : JsonValue.NULL;
    }
    if (o instanceof Enum<?> e) {
      return JSON.createValue(e.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (o instanceof Map<?, ?> map) {
      JsonObjectBuilder b = JSON.createObjectBuilder();
      map.forEach((k, x) -> b.add(String.valueOf(k), toJson(x)));
      return b.build();
    }
    if (o instanceof Iterable<?> it) {
      JsonArrayBuilder b = JSON.createArrayBuilder();
      it.forEach(x -> b.add(toJson(x)));
      return b.build();
    }
    if (o instanceof Object[] arr) {
      return toJson(List.of(arr));
    }
    throw new IllegalArgumentException(
        "cannot write a " + o.getClass().getName() + " as JSON; use maps, lists, strings, numbers, booleans");
  }
}
