package org.keytriage.simulator.internal;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading requests and writing JSON answers on a {@link HttpExchange}. */
public final class HttpIo {
  /** Largest request body accepted; larger ones get 413. */
  public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private HttpIo() {}

  /**
   * Reads the whole request body.
   *
   * @return the body, or null if it exceeds {@link #MAX_BODY_BYTES}
   */
  public static byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      return body.length > MAX_BODY_BYTES ? null : body;
    }
  }

  /** Sends a complete JSON answer and closes the exchange. */
  public static void sendJson(HttpExchange exchange, int status, JsonStructure body)
      throws IOException {
    byte[] bytes = Json.bytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Sends an NVIDIA-style error, {@code {"error":{"message","type","code"}}}. */
  public static void sendError(HttpExchange exchange, int status, String type, String message)
      throws IOException {
    sendJson(exchange, status, errorBody(status, type, message));
  }

  public static JsonObject errorBody(int status, String type, String message) {
    return Json.object()
        .add("error", Json.object().add("message", message).add("type", type).add("code", status))
        .build();
  }

  /** The query string's parameters, decoded; a repeated name keeps its last value. */
  public static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> params = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }
}
