package org.keytriage.core.json.internal;

import jakarta.json.stream.JsonParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one value's tree from a parser's events: objects as unmodifiable {@code LinkedHashMap}s
 * (a duplicate key keeps its last value), arrays as unmodifiable lists, every number as a {@code
 * BigDecimal}. It keeps its own stack instead of recursing and refuses nesting past {@link
 * JsonPCodec#MAX_DEPTH}, so hostile input cannot exhaust the thread's stack even with a JSON-P
 * implementation that sets no depth limit of its own.
 */
final class TreeReader {
  private TreeReader() {}

  /** Reads the next value from {@code parser}, which is left just after it. */
  @SuppressWarnings("unchecked")
  static Object read(JsonParser parser) {
    Deque<Object> open = new ArrayDeque<>();
    Deque<String> keys = new ArrayDeque<>();
    while (true) {
      JsonParser.Event event = parser.next();
      Object value;
      switch (event) {
        case START_OBJECT, START_ARRAY -> {
          if (open.size() == JsonPCodec.MAX_DEPTH) {
            throw JsonPCodec.notJson(
                "nesting deeper than " + JsonPCodec.MAX_DEPTH + " levels", parser.getLocation());
          }
          open.push(event == JsonParser.Event.START_OBJECT
              ? new LinkedHashMap<String, Object>()
              : new ArrayList<>());
          continue;
        }
        case KEY_NAME -> {
          keys.push(parser.getString());
          continue;
        }
        case END_OBJECT -> value = Collections.unmodifiableMap((Map<String, Object>) open.pop());
        case END_ARRAY -> value = Collections.unmodifiableList((List<Object>) open.pop());
        case VALUE_STRING -> value = parser.getString();
        case VALUE_NUMBER -> value = parser.getBigDecimal();
        case VALUE_TRUE -> value = Boolean.TRUE;
        case VALUE_FALSE -> value = Boolean.FALSE;
        default -> value = null; // VALUE_NULL
      }
      if (open.isEmpty()) {
        return value;
      }
      if (open.peek() instanceof Map<?, ?> object) {
        ((Map<String, Object>) object).put(keys.pop(), value);
      } else {
        ((List<Object>) open.peek()).add(value);
      }
    }
  }
}
