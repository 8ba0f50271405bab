package org.keytriage.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task's input as a JSON object tree: values are {@code String}, {@code Number}, {@code Boolean},
 * {@code null}, {@code List<Object>} or {@code Map<String,Object>}. Read-only.
 */
public final class TaskInput {
  private final Map<String, Object> fields;

  private TaskInput(Map<String, Object> fields) {
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public static TaskInput of(Map<String, ?> fields) {
    return new TaskInput(fields == null ? Map.of() : new LinkedHashMap<>(fields));
  }

  public Map<String, Object> asMap() {
    return fields;
  }

  public boolean has(String name) {
    return fields.get(name) != null;
  }

  public Optional<Object> get(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** The field as a string, if it is one. */
  public Optional<String> string(String name) {
    return fields.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
  }

  /** The field as a list, if it is one. */
  @SuppressWarnings("unchecked")
  public Optional<List<Object>> list(String name) {
    return fields.get(name) instanceof List<?> l ? Optional.of((List<Object>) l) : Optional.empty();
  }

  /** The field as an object, if it is one. */
  @SuppressWarnings("unchecked")
  public Optional<Map<String, Object>> object(String name) {
    return fields.get(name) instanceof Map<?, ?> m
        ? Optional.of((Map<String, Object>) m)
        : Optional.empty();
  }

  /** Field names only: the values may be patient data and are never printed. */
  @Override
  public String toString() {
    return "TaskInput" + fields.keySet();
  }
}
