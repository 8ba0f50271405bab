package org.keytriage.simulator.internal;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keytriage.simulator.KeyBehaviour;
import org.keytriage.simulator.WitnessEntry;

/**
 * The unauthenticated control surface under {@code /admin}, served to loopback clients only:
 *
 * <ul>
 *   <li>{@code GET /admin/witness[?label=L]}: {@code {"keys": {"<label>": [{"t", "tokens",
 *       "status", "accepted", "endpoint"}, ...]}}}
 *   <li>{@code GET /admin/witness/violations[?rpm=&tpm=&window_ms=]}: each label's busiest window
 *       (admitted requests only) against the given limits, or the key's own when not given
 *   <li>{@code GET|PUT /admin/keys/{label}}: a key's behaviour; PUT applies the fields given
 *   <li>{@code POST /admin/reset}: clears the witness log and every limiter
 *   <li>{@code GET /admin/scenario}: seed, accept_unknown_keys and every key's behaviour
 * </ul>
 *
 * Raw API keys never appear in any answer: keys are named by label.
 */
public final class AdminEndpoint {
  public static final String PREFIX = "/admin";
  private static final String KEYS_PREFIX = "/admin/keys/";

  private final SimulatorContext context;

  public AdminEndpoint(SimulatorContext context) {
    this.context = context;
  }

  public void handle(HttpExchange exchange) throws IOException {
    byte[] body = HttpIo.readBody(exchange); // read first, so the connection stays reusable
    if (body == null) {
      HttpIo.sendError(exchange, 413, "invalid_request_error", "request body too large");
      return;
    }
    if (!isLoopback(exchange.getRemoteAddress())) {
      HttpIo.sendError(exchange, 403, "permission_error", "admin endpoints are loopback only");
      return;
    }
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    switch (path) {
      case "/admin/witness" -> {
        if (allow(exchange, "GET")) {
          witness(exchange);
        }
      }
      case "/admin/witness/violations" -> {
        if (allow(exchange, "GET")) {
          violations(exchange);
        }
      }
      case "/admin/reset" -> {
        if (allow(exchange, "POST")) {
          reset(exchange);
        }
      }
      case "/admin/scenario" -> {
        if (allow(exchange, "GET")) {
          scenario(exchange);
        }
      }
      default -> {
        if (path.startsWith(KEYS_PREFIX) && path.length() > KEYS_PREFIX.length()) {
          key(exchange, method, path.substring(KEYS_PREFIX.length()), body);
        } else {
          HttpIo.sendError(exchange, 404, "not_found_error", "no admin endpoint at " + path);
        }
      }
    }
  }

  private void witness(HttpExchange exchange) throws IOException {
    String only = HttpIo.query(exchange).get("label");
    Set<String> labels = new LinkedHashSet<>();
    if (only != null) {
      labels.add(only);
    } else {
      context.keys().all().forEach(k -> labels.add(k.behaviour().label()));
      labels.addAll(context.witness().labels());
    }
    JsonObjectBuilder keys = Json.object();
    for (String label : labels) {
      JsonArrayBuilder entries = Json.array();
      for (WitnessEntry e : context.witness().entries(label)) {
        entries.add(
            Json.object()
                .add("t", e.epochMillis())
                .add("tokens", e.tokens())
                .add("status", e.status())
                .add("accepted", e.accepted())
                .add("endpoint", e.endpoint()));
      }
      keys.add(label, entries);
    }
    HttpIo.sendJson(exchange, 200, Json.object().add("keys", keys).build());
  }

  private void violations(HttpExchange exchange) throws IOException {
    Map<String, String> query = HttpIo.query(exchange);
    Long rpm;
    Long tpm;
    long windowMs;
    try {
      rpm = optionalLong(query, "rpm");
      tpm = optionalLong(query, "tpm");
      Long window = optionalLong(query, "window_ms");
      windowMs = window == null ? 60_000 : window;
      if (windowMs < 1) {
        throw new BadRequest("window_ms must be at least 1");
      }
    } catch (BadRequest e) {
      HttpIo.sendError(exchange, 400, "invalid_request_error", e.getMessage());
      return;
    }
    Duration window = Duration.ofMillis(windowMs);
    Set<String> labels = new LinkedHashSet<>();
    context.keys().all().forEach(k -> labels.add(k.behaviour().label()));
    labels.addAll(context.witness().labels());
    JsonObjectBuilder keys = Json.object();
    JsonArrayBuilder violated = Json.array();
    for (String label : labels) {
      Optional<KeyBehaviour> own = context.keys().byLabel(label).map(KeyState::behaviour);
      long rpmLimit = rpm != null ? rpm : own.map(KeyBehaviour::rpm).orElse(0L);
      long tpmLimit = tpm != null ? tpm : own.map(KeyBehaviour::tpm).orElse(0L);
      long maxRequests = context.witness().maxRequestsInAnyWindow(label, window, true);
      long maxTokens = context.witness().maxTokensInAnyWindow(label, window, true);
      boolean over =
          (rpmLimit > 0 && maxRequests > rpmLimit) || (tpmLimit > 0 && maxTokens > tpmLimit);
      keys.add(
          label,
          Json.object()
              .add("rpm_limit", rpmLimit)
              .add("tpm_limit", tpmLimit)
              .add("max_requests", maxRequests)
              .add("max_tokens", maxTokens)
              .add("violated", over));
      if (over) {
        violated.add(label);
      }
    }
    HttpIo.sendJson(
        exchange,
        200,
        Json.object()
            .add("window_ms", windowMs)
            .add("keys", keys)
            .add("violations", violated)
            .build());
  }

  private void reset(HttpExchange exchange) throws IOException {
    context.witness().clear();
    context.keys().resetAll();
    HttpIo.sendJson(exchange, 200, Json.object().add("reset", true).build());
  }

  private void scenario(HttpExchange exchange) throws IOException {
    JsonArrayBuilder keys = Json.array();
    context.keys().all().forEach(k -> keys.add(BehaviourJson.write(k.behaviour())));
    HttpIo.sendJson(
        exchange,
        200,
        Json.object()
            .add("seed", context.seed())
            .add("accept_unknown_keys", context.keys().acceptUnknownKeys())
            .add("keys", keys)
            .build());
  }

  private void key(HttpExchange exchange, String method, String label, byte[] body)
      throws IOException {
    Optional<KeyState> key = context.keys().byLabel(label);
    if (key.isEmpty()) {
      HttpIo.sendError(exchange, 404, "not_found_error", "no key labelled '" + label + "'");
      return;
    }
    if ("GET".equals(method)) {
      HttpIo.sendJson(exchange, 200, BehaviourJson.write(key.get().behaviour()).build());
      return;
    }
    if (!"PUT".equals(method)) {
      exchange.getResponseHeaders().set("Allow", "GET, PUT");
      HttpIo.sendError(exchange, 405, "invalid_request_error", "use GET or PUT");
      return;
    }
    KeyBehaviour updated;
    try {
      JsonObject changes = Json.parseObject(body);
      JsonFields.rejectUnknown(changes, BehaviourJson.FIELDS, "");
      updated = BehaviourJson.apply(key.get().behaviour(), changes, "");
    } catch (IllegalArgumentException e) {
      HttpIo.sendError(exchange, 400, "invalid_request_error", e.getMessage());
      return;
    }
    try {
      updated = context.keys().put(key.get().apiKey(), updated);
    } catch (IllegalArgumentException e) {
      HttpIo.sendError(exchange, 409, "invalid_request_error", e.getMessage());
      return;
    }
    HttpIo.sendJson(exchange, 200, BehaviourJson.write(updated).build());
  }

  private boolean allow(HttpExchange exchange, String method) throws IOException {
    if (method.equals(exchange.getRequestMethod())) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", method);
    HttpIo.sendError(exchange, 405, "invalid_request_error", "use " + method);
    return false;
  }

  private static Long optionalLong(Map<String, String> query, String name) {
    String raw = query.get(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      long value = Long.parseLong(raw.trim());
      if (value < 0) {
        throw new BadRequest(name + " must be >= 0 (was " + raw + ")");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new BadRequest(name + " must be a whole number (was '" + raw + "')");
    }
  }

  private static boolean isLoopback(InetSocketAddress remote) {
    return remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
  }
}
