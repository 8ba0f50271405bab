package org.keytriage.tasks.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keytriage.spi.FieldError;
import org.keytriage.spi.JsonCodec;

/**
 * Reads the fields of one input object and records a {@link FieldError} for each that is missing,
 * of the wrong type or too large. Every getter returns empty after recording a problem, so a
 * handler can go on checking the other fields and report them all at once. Messages say what is
 * wrong and what is allowed, and never quote the value: it may be patient data.
 */
final class FieldCheck {
  private final Map<?, ?> object;
  private final String prefix;
  private final List<FieldError> errors;
  private final JsonCodec json;

  /**
   * @param object the object whose fields are read
   * @param prefix the object's JSON path followed by a dot, or empty for the input root
   * @param errors where problems go
   * @param json writes the free-form values that go into a prompt as JSON text
   */
  FieldCheck(Map<?, ?> object, String prefix, List<FieldError> errors, JsonCodec json) {
    this.object = object;
    this.prefix = prefix;
    this.errors = errors;
    this.json = json;
  }

  /** A check of a nested object (its path {@code prefix}) that records into the same errors. */
  FieldCheck nested(Map<?, ?> nestedObject, String nestedPrefix) {
    return new FieldCheck(nestedObject, nestedPrefix, errors, json);
  }

  /** How many problems have been recorded so far, by this check and those sharing its errors. */
  int errorCount() {
    return errors.size();
  }

  /** The JSON path of a field of this object. */
  String path(String field) {
    return prefix + field;
  }

  /**
   * The field's value; null when absent, or when the map cannot be asked for a string key at all
   * (a Java caller's {@code TreeMap<Integer, ?>} throws on {@code get("gene")}).
   */
  private Object value(String field) {
    try {
      return object.get(field);
    } catch (ClassCastException | NullPointerException e) {
      return null;
    }
  }

  boolean present(String field) {
    return value(field) != null;
  }

  /** Present and, if a list, not an empty one. */
  boolean given(String field) {
    return present(field) && !(value(field) instanceof List<?> l && l.isEmpty());
  }

  /** A required, non-blank string of at most {@code maxChars} characters. */
  Optional<String> requiredText(String field, int maxChars, String what) {
    if (!present(field)) {
      return fail(field, "is required: " + what);
    }
    return text(field, maxChars);
  }

  /** An optional string of at most {@code maxChars} characters; empty when absent. */
  Optional<String> optionalText(String field, int maxChars) {
    return present(field) ? text(field, maxChars) : Optional.empty();
  }

  private Optional<String> text(String field, int maxChars) {
    if (!(value(field) instanceof String s)) {
      return fail(field, "must be a string");
    }
    if (s.isBlank()) {
      return fail(field, "must not be blank");
    }
    if (s.length() > maxChars) {
      return fail(field, "is too long: at most " + maxChars + " characters");
    }
    return Optional.of(s);
  }

  /** A required object. */
  Optional<Map<?, ?>> requiredObject(String field, String what) {
    if (!present(field)) {
      return fail(field, "is required: " + what);
    }
    if (!(value(field) instanceof Map<?, ?> m)) {
      return fail(field, "must be an object");
    }
    return Optional.of(m);
  }

  /** A list of {@code min..max} items; empty (and an error) when absent and {@code min > 0}. */
  Optional<List<?>> list(String field, int min, int max, String what) {
    if (!present(field)) {
      return min > 0 ? fail(field, "is required: " + what) : Optional.empty();
    }
    if (!(value(field) instanceof List<?> l)) {
      return fail(field, "must be an array");
    }
    if (l.size() < min) {
      return fail(field, "must hold at least " + min + (min == 1 ? " item" : " items"));
    }
    if (l.size() > max) {
      return fail(field, "has too many items: at most " + max);
    }
    return Optional.of(l);
  }

  /** An optional finite number. */
  Optional<Number> optionalNumber(String field) {
    if (!present(field)) {
      return Optional.empty();
    }
    Object v = value(field);
    // the tree check refuses NaN, infinities and Number types JSON has no form for
    if (!(v instanceof Number n) || JsonTreeCheck.check(v, path(field)).isPresent()) {
      return fail(field, "must be a finite number");
    }
    return Optional.of(n);
  }

  /**
   * A free-form value (a string, an object or an array) whose text, or JSON text, is at most
   * {@code maxChars} characters; returned as the text to put into a prompt.
   */
  Optional<String> jsonOrText(String field, boolean required, int maxChars, String what) {
    if (!present(field)) {
      return required ? fail(field, "is required: " + what) : Optional.empty();
    }
    Object v = value(field);
    if (v instanceof String) {
      return text(field, maxChars);
    }
    if (!(v instanceof Map<?, ?>) && !(v instanceof List<?>)) {
      return fail(field, "must be a string, an object or an array");
    }
    return asJson(field, v, maxChars);
  }

  /** A required object whose JSON text is at most {@code maxChars} characters, as that text. */
  Optional<String> jsonObject(String field, int maxChars, String what) {
    return requiredObject(field, what).flatMap(m -> asJson(field, m, maxChars));
  }

  private Optional<String> asJson(String field, Object v, int maxChars) {
    Optional<FieldError> bad = JsonTreeCheck.check(v, path(field));
    if (bad.isPresent()) {
      errors.add(bad.get());
      return Optional.empty();
    }
    String text = json.write(v);
    if (text.length() > maxChars) {
      return fail(field, "is too large: at most " + maxChars + " characters as JSON");
    }
    return Optional.of(text);
  }

  /** Records a problem found by another reader (e.g. in a nested object). */
  void report(FieldError error) {
    errors.add(error);
  }

  /** Records a problem with a field of this object. */
  <T> Optional<T> fail(String field, String message) {
    errors.add(new FieldError(path(field), message));
    return Optional.empty();
  }
}
