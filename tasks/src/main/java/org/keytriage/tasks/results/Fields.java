package org.keytriage.tasks.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lenient readers for result fields. The same readers take a model's JSON answer and a {@link
 * org.keytriage.spi.TaskResult}'s fields, because the result's field names are the ones the model
 * is asked for. Models bend shapes (a string where a list was asked, objects in a list of
 * strings); the readers keep what carries text and drop the rest rather than fail.
 */
final class Fields {
  /** The field holding the model's raw answer in an unstructured result. */
  static final String TEXT = "text";

  private Fields() {}

  /** The field as text: a string as is, a number or boolean spelled out, scalars of a list joined. */
  static String string(Map<?, ?> m, String key) {
    return m == null ? "" : scalarText(m.get(key));
  }

  /** The field as a list of non-blank texts; a lone string becomes a one-item list. */
  static List<String> strings(Map<?, ?> m, String key) {
    Object v = m == null ? null : m.get(key);
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (Object item : list) {
        String text = item instanceof Map<?, ?> map ? joinScalars(map.values()) : scalarText(item);
        if (!text.isBlank()) {
          out.add(text);
        }
      }
    } else {
      String text = scalarText(v);
      if (!text.isBlank()) {
        out.add(text);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** The field as a map of non-blank texts by key. */
  static Map<String, String> stringMap(Map<?, ?> m, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    if (m != null && m.get(key) instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        String text = scalarText(v);
        if (k instanceof String name && !text.isBlank()) {
          out.put(name, text);
        }
      });
    }
    return Collections.unmodifiableMap(out);
  }

  /** A value as text: a string as is, a number or boolean spelled out, scalars of a list joined. */
  static String scalarText(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Number || v instanceof Boolean) {
      return String.valueOf(v);
    }
    if (v instanceof List<?> list) {
      return joinScalars(list);
    }
    return "";
  }

  private static String joinScalars(Iterable<?> values) {
    List<String> parts = new ArrayList<>();
    for (Object v : values) {
      if (v instanceof String || v instanceof Number || v instanceof Boolean) {
        String s = String.valueOf(v);
        if (!s.isBlank()) {
          parts.add(s);
        }
      }
    }
    return String.join("; ", parts);
  }

  static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  static List<String> copy(List<String> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
