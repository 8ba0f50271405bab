package org.keytriage.core.json.internal;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a plain tree into a JSON-P value. {@link #STRICT} takes the spi's tree model alone (maps
 * with string keys, lists, strings, finite numbers, booleans, null), as {@link
 * org.keytriage.spi.JsonCodec#write} promises. {@link #LENIENT} also takes what the server's own
 * views hold: JSON-P values, enums (lower-case name), any iterable, arrays and non-string keys
 * (spelled with {@code String.valueOf}), and writes NaN and infinities as {@code null}, which JSON
 * cannot express. Both refuse nesting past {@link JsonPCodec#MAX_DEPTH}, so a tree that holds
 * itself fails with a message instead of a stack overflow.
 */
public final class TreeWriter {
  public static final TreeWriter STRICT = new TreeWriter(false);
  public static final TreeWriter LENIENT = new TreeWriter(true);

  private static final JsonProvider JSON = JsonPCodec.provider();

  private final boolean lenient;

  private TreeWriter(boolean lenient) {
    this.lenient = lenient;
  }

  /**
   * @throws IllegalArgumentException for a value this writer does not take, or nesting too deep;
   *     the message names the type, never the value
   */
  public JsonValue toJson(Object tree) {
    return value(tree, 0);
  }

  private JsonValue value(Object o, int depth) {
    if (depth > JsonPCodec.MAX_DEPTH) {
      throw new IllegalArgumentException("cannot write JSON nested deeper than "
          + JsonPCodec.MAX_DEPTH + " levels (does a map or list hold itself?)");
    }
    if (o == null) {
      return JsonValue.NULL;
    }
    if (lenient && o instanceof JsonValue jv) {
      return jv; // before Map and List: a JsonObject is a Map too
    }
    if (o instanceof String s) {
      return JSON.createValue(s);
    }
    if (o instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (o instanceof Number n) {
      return number(n);
    }
    if (o instanceof Map<?, ?> map) {
      JsonObjectBuilder b = JSON.createObjectBuilder();
      map.forEach((k, x) -> b.add(key(k), value(x, depth + 1)));
      return b.build();
    }
    if (o instanceof List<?> || (lenient && o instanceof Iterable<?>)) {
      JsonArrayBuilder b = JSON.createArrayBuilder();
      ((Iterable<?>) o).forEach(x -> b.add(value(x, depth + 1)));
      return b.build();
    }
    if (lenient && o instanceof Enum<?> e) {
      return JSON.createValue(e.name().toLowerCase(Locale.ROOT));
    }
    if (lenient && o instanceof Object[] arr) {
      return value(Arrays.asList(arr), depth);
    }
    throw unsupported(o.getClass().getName());
  }

  private JsonValue number(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return JSON.createValue(n.longValue());
    }
    if (n instanceof BigDecimal d) {
      return JSON.createValue(d);
    }
    if (n instanceof BigInteger i) {
      return JSON.createValue(i);
    }
    double d = n.doubleValue();
    if (!Double.isFinite(d)) {
      if (lenient) {
        return JsonValue.NULL;
      }
      throw new IllegalArgumentException("cannot write a NaN or infinite number as JSON");
    }
    if (n instanceof Float f) {
      // 0.1f means 0.1 to whoever wrote it, not the double nearest to the float
      return JSON.createValue(new BigDecimal(Float.toString(f)));
    }
    if (n instanceof Double) {
      return JSON.createValue(d);
    }
    try {
      // AtomicLong, LongAdder, ...: their text is their exact value
      return JSON.createValue(new BigDecimal(n.toString()));
    } catch (NumberFormatException e) {
      return JSON.createValue(d);
    }
  }

  private String key(Object k) {
    if (k instanceof String s) {
      return s;
    }
    if (lenient) {
      return String.valueOf(k);
    }
    throw unsupported((k == null ? "null" : k.getClass().getName()) + " map key");
  }

  private static IllegalArgumentException unsupported(String type) {
    return new IllegalArgumentException("cannot write a " + type
        + " as JSON; use maps with string keys, lists, strings, numbers, booleans and null");
  }
}
