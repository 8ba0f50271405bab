package org.keytriage.core.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keytriage.core.json.internal.JsonPCodec;
import org.keytriage.core.json.internal.TreeWriter;
import org.keytriage.spi.JsonCodec;

/**
 * JSON text to plain object trees and back, through JSON-P. Parsing gives the spi's one tree model
 * ({@link JsonCodec}): unmodifiable maps in the text's key order, unmodifiable lists, strings,
 * {@code BigDecimal} for every number (so a body relayed upstream keeps its exact digits), {@code
 * Boolean} and {@code null}. Writing accepts the same plus any {@code Number} (NaN and infinities
 * become {@code null}, which JSON cannot express), enums (lower-case name), iterables and arrays,
 * for the server's own views; {@link #codec()} is the strict pair handlers get. Nesting is limited
 * to {@value JsonPCodec#MAX_DEPTH} levels. Thread-safe.
 */
public final class JsonTrees {
  private static final JsonCodec CODEC = new JsonPCodec();

  private JsonTrees() {}

  /** The codec task handlers and other providers get through {@code ProviderConfig.json()}. */
  public static JsonCodec codec() {
    return CODEC;
  }

  /**
   * A streaming parser over {@code length} UTF-8 bytes at {@code offset}: for scanning a body
   * without building its tree. JSON over HTTP is UTF-8 (RFC 8259), so the encoding is not guessed.
   */
  public static JsonParser parser(byte[] json, int offset, int length) {
    return Parsers.FACTORY.createParser(new ByteArrayInputStream(json, offset, length), StandardCharsets.UTF_8);
  }

  /**
   * Skips the value whose first event {@code value} the parser has just returned: the rest of an
   * object or an array (tokenised, so its syntax is still checked); nothing for a scalar.
   */
  public static void skip(JsonParser parser, JsonParser.Event value) {
    if (value == JsonParser.Event.START_OBJECT) {
      parser.skipObject();
    } else if (value == JsonParser.Event.START_ARRAY) {
      parser.skipArray();
    }
  }

  private static final class Parsers {
    static final JsonParserFactory FACTORY = provider().createParserFactory(Map.of());
  }

  /** The JSON-P provider, looked up once; use it instead of {@code Json.create…}. */
  public static JsonProvider provider() {
    return JsonPCodec.provider();
  }

  /**
   * Parses exactly one JSON value.
   *
   * @throws IllegalArgumentException for text that is not one; the message names the position and
   *     never quotes the text
   */
  public static Object parse(String text) {
    return CODEC.parse(text);
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
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public static String write(Object tree) {
    return toJson(tree).toString();
  }

  /** The plain tree of a JSON-P value, in the model {@link #parse(String)} gives. */
  public static Object toJava(JsonValue v) {
    switch (v.getValueType()) {
      case OBJECT:
        Map<String, Object> m = new LinkedHashMap<>();
        ((JsonObject) v).forEach((k, x) -> m.put(k, toJava(x)));
        return Collections.unmodifiableMap(m);
      case ARRAY:
        List<Object> l = new ArrayList<>();
        ((JsonArray) v).forEach(x -> l.add(toJava(x)));
        return Collections.unmodifiableList(l);
      case STRING:
        return ((JsonString) v).getString();
      case NUMBER:
        return ((JsonNumber) v).bigDecimalValue();
      case TRUE:
        return Boolean.TRUE;
      case FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  /**
   * The JSON-P value of a plain tree.
   *
   * @throws IllegalArgumentException for a value with no JSON form, naming its type
   */
  public static JsonValue toJson(Object o) {
    return TreeWriter.LENIENT.toJson(o);
  }
}
