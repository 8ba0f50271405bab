package org.keytriage.web.json;

import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.keytriage.core.json.JsonTrees;
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
    byte[] bytes = readBytes(body, maxBytes);
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
    Map<String, Object> tree = (Map<String, Object>) JsonTrees.toJava(value);
    return tree;
  }

  /**
   * Reads at most {@code maxBytes} of {@code body}.
   *
   * @throws ApiException 413 {@code body_too_large} past the limit
   */
  public static byte[] readBytes(InputStream body, long maxBytes) {
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
  /** Whether {@code json} is an object with a field of that name (false for anything else). */
  public static boolean hasField(String json, String name) {
    return org.keytriage.core.json.JsonTrees.parseObject(json).map(m -> m.containsKey(name)).orElse(false);
  }

  public static String write(Object tree) {
    return JsonTrees.write(tree);
  }
}
