package org.keytriage.simulator.internal;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * JSON-P access with one provider looked up once: {@code Json.createXxx} repeats a service lookup
 * on every call, which shows up under load.
 */
public final class Json {
  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Json() {}

  public static JsonObjectBuilder object() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonArrayBuilder array() {
    return PROVIDER.createArrayBuilder();
  }

  /**
   * Parses a JSON object.
   *
   * @throws IllegalArgumentException if the text is not JSON or not an object
   */
  public static JsonObject parseObject(String text) {
    try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
      return asObject(reader.readValue());
    } catch (JsonException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Parses a JSON object from UTF-8 bytes; see {@link #parseObject(String)}. */
  public static JsonObject parseObject(byte[] utf8) {
    return parseObject(new String(utf8, StandardCharsets.UTF_8));
  }

  public static String write(JsonStructure value) {
    StringWriter out = new StringWriter();
    try (JsonWriter writer = PROVIDER.createWriter(out)) {
      writer.write(value);
    }
    return out.toString();
  }

  public static byte[] bytes(JsonStructure value) {
    return write(value).getBytes(StandardCharsets.UTF_8);
  }

  private static JsonObject asObject(JsonValue value) {
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new IllegalArgumentException("expected a JSON object, got " + value.getValueType());
    }
    return value.asJsonObject();
  }
}
