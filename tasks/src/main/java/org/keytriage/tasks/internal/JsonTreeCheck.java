package org.keytriage.tasks.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keytriage.spi.FieldError;

/**
 * Checks that a free-form input value (patient data, monitoring data, a modality summary) is a
 * JSON tree that can be written into a prompt: only maps with string keys, lists, strings, finite
 * numbers, booleans and nulls, at most {@value #MAX_DEPTH} levels deep. A Java caller can put
 * anything into a {@link org.keytriage.spi.TaskInput}; this turns what JSON cannot hold into a
 * field error instead of an exception later.
 */
final class JsonTreeCheck {
  /** Deepest nesting accepted in input; far beyond any clinical record's real shape. */
  static final int MAX_DEPTH = 32;

  private JsonTreeCheck() {}

  /** The first problem found under {@code path}, if any. */
  static Optional<FieldError> check(Object value, String path) {
    return check(value, path, 0, new IdentityHashMap<>());
  }

  private static Optional<FieldError> check(
      Object v, String path, int depth, IdentityHashMap<Object, Boolean> open) {
    if (depth > MAX_DEPTH) {
      return error(path, "is nested too deeply: at most " + MAX_DEPTH + " levels");
    }
    if (v == null || v instanceof String || v instanceof Boolean) {
      return Optional.empty();
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger || v instanceof BigDecimal) {
      return Optional.empty();
    }
    if (v instanceof Double || v instanceof Float) {
      return Double.isFinite(((Number) v).doubleValue())
          ? Optional.empty()
          : error(path, "must be a finite number");
    }
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      if (open.put(v, Boolean.TRUE) != null) {
        return error(path, "must not contain itself");
      }
      try {
        return v instanceof Map<?, ?> map
            ? checkMap(map, path, depth, open)
            : checkList((List<?>) v, path, depth, open);
      } finally {
        open.remove(v);
      }
    }
    return error(path, "must be a JSON value (object, array, string, number, boolean or null)");
  }

  private static Optional<FieldError> checkMap(
      Map<?, ?> map, String path, int depth, IdentityHashMap<Object, Boolean> open) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        return error(path, "must have string keys only");
      }
      Optional<FieldError> inner = check(e.getValue(), path + "." + key, depth + 1, open);
      if (inner.isPresent()) {
        return inner;
      }
    }
    return Optional.empty();
  }

  private static Optional<FieldError> checkList(
      List<?> list, String path, int depth, IdentityHashMap<Object, Boolean> open) {
    for (int i = 0; i < list.size(); i++) {
      Optional<FieldError> inner = check(list.get(i), path + "[" + i + "]", depth + 1, open);
      if (inner.isPresent()) {
        return inner;
      }
    }
    return Optional.empty();
  }

  private static Optional<FieldError> error(String path, String message) {
    return Optional.of(new FieldError(path, message));
  }
}
