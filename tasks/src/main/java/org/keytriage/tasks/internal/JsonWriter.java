package org.keytriage.tasks.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Writes plain trees (maps, lists, strings, numbers, booleans, null) as compact JSON, for putting
 * structured input into a prompt. Only the types a {@link org.keytriage.spi.TaskInput} may hold are
 * written; {@link JsonTreeCheck} has refused anything else during validation.
 */
public final class JsonWriter {
  /** Same bound as the parser and the input check: a cyclic map fails fast instead of looping. */
  private static final int MAX_DEPTH = JsonTreeCheck.MAX_DEPTH + 1;

  private JsonWriter() {}

  /**
   * @throws IllegalArgumentException for a value that has no JSON form (a non-finite double, an
   *     unsupported type, nesting deeper than the input check allows); the message names the type,
   *     never the value
   */
  public static String write(Object tree) {
    StringBuilder out = new StringBuilder();
    write(tree, out, 0);
    return out.toString();
  }

  private static void write(Object v, StringBuilder out, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH + " levels");
    }
    if (v == null) {
      out.append("null");
    } else if (v instanceof String s) {
      string(s, out);
    } else if (v instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short
        || v instanceof Byte || v instanceof BigInteger) {
      out.append(v);
    } else if (v instanceof BigDecimal d) {
      out.append(d.toString());
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("a non-finite number has no JSON form");
      }
      out.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
    } else if (v instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(String.valueOf(e.getKey()), out);
        out.append(':');
        write(e.getValue(), out, depth + 1);
      }
      out.append('}');
    } else if (v instanceof Iterable<?> list) {
      out.append('[');
      boolean first = true;
      for (Object item : list) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(item, out, depth + 1);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("a " + v.getClass().getSimpleName() + " has no JSON form");
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
