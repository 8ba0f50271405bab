package org.keytriage.dist.server;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Map;

/** JSON for the demo's HTTP client: object trees out, JSON-P values in. */
final class JsonBodies {
  private static final JsonProvider JSON = JsonProvider.provider();

  private JsonBodies() {}

  static JsonValue parse(String text) {
    try (var reader = JSON.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }

  static String write(Object tree) {
    return toJson(tree).toString();
  }

  private static JsonValue toJson(Object o) {
    if (o == null) {
      return JsonValue.NULL;
    }
    if (o instanceof String s) {
      return JSON.createValue(s);
    }
    if (o instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (o instanceof Integer || o instanceof Long) {
      return JSON.createValue(((Number) o).longValue());
    }
    if (o instanceof Number n) {
      return JSON.createValue(new BigDecimal(n.toString()));
    }
    if (o instanceof Map<?, ?> map) {
      JsonObjectBuilder b = JSON.createObjectBuilder();
      map.forEach((k, v) -> b.add(String.valueOf(k), toJson(v)));
      return b.build();
    }
    if (o instanceof Iterable<?> it) {
      JsonArrayBuilder b = JSON.createArrayBuilder();
      it.forEach(v -> b.add(toJson(v)));
      return b.build();
    }
    return JSON.createValue(String.valueOf(o));
  }
}
