package org.keytriage.web.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Parses test responses with JSON-P. */
final class Json {
  private Json() {}

  static JsonValue parse(String text) {
    try (var reader = jakarta.json.Json.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }

  static JsonObject object(String text) {
    return parse(text).asJsonObject();
  }

  static JsonArray array(String text) {
    return parse(text).asJsonArray();
  }
}
