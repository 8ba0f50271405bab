package org.keytriage.web.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keytriage.web.errors.ApiException;

/**
 * Reads request bodies into object trees and writes trees as JSON text. Thread-safe.
 *
 * <p>Parse errors name the line and column only: a parser's own message can quote the body, and
 * bodies hold prompts, which may be patient data.
 */
public final class JsonText {
  // looked up once: Json.create… searches the class path on every call
  private static final JsonProvider JSON = JsonProvider.provider();

  private JsonText() {}

  /**
   * Reads at most {@code maxBytes} of {@code body} as one JSON object.
   *
   * @throws ApiException 413 {@code body_too_large} past the limit; 400 {@code invalid_json} for
   *     text that is not JSON, or not an object
   */
  public static Map<String, Object> readObject(InputStream body, long maxBytes) {
    byte[] bytes = readLimited(body, maxBytes);
    if (bytes.length == 0) {
      throw ApiException.badRequest("invalid_json", "Invalid JSON", "The request body is empty; send a JSON object.");
    }
    JsonValue value;
    try (var reader = JSON.createReader(new ByteArrayInputStream(bytes))) {
      value = reader.readValue();
    } catch (JsonParsingException e) {
      JsonLocation at = e.getLocation();
      throw ApiException.badRequest("invalid_json", "Invalid JSON",
          "The request body is not valid JSON"
              + (at == null ? "" : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")")
              + ".");
    } catch (JsonException e) {
      throw ApiException.badRequest("invalid_json", "Invalid JSON", "The request body is not valid JSON.");
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw ApiException.badRequest("invalid_json", "Invalid JSON",
          "The request body must be a JSON object, not " + value.getValueType().name().toLowerCase() + ".");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = (Map<String, Object>) toJava(value);
    return tree;
  }

  private static byte[] readLimited(InputStream body, long maxBytes) {
    if (body == null) {
      return new byte[0];
    }
    try {
      byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw tooLarge(maxBytes);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the request body", e);
    }
  }

  /** The 413 for a body over {@code maxBytes}. */
  public static ApiException tooLarge(long maxBytes) {
    return new ApiException(413, "body_too_large", "Request body too large",
        "The request body is larger than " + maxBytes + " bytes (keytriage.max-request-bytes).");
  }

  /** Writes a tree of maps, lists, strings, numbers, booleans and nulls; NaN and infinities as null. */
  public static String write(Object tree) {
    StringWriter out = new StringWriter();
    try (var writer = JSON.createWriter(out)) {
      writer.write(toJson(tree));
    }
    return out.toString();
  }

  static Object toJava(JsonValue v) {
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

  static JsonValue toJson(Object o) {
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
      return JSON.createValue(e.name().toLowerCase());
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
    return JSON.createValue(String.valueOf(o));
  }
}
