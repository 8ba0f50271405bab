package org.keytriage.simulator.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.keytriage.simulator.KeyBehaviour;
import org.keytriage.simulator.WitnessEntry;

/**
 * The steps every API request goes through, in NVIDIA's order: method, bearer key, revocation,
 * body, rate limit, then (once admitted) hang, latency, injected error and the endpoint's answer.
 * Each request with a known key lands in the witness log exactly once, stamped when it was judged.
 */
public final class ApiPipeline {
  private final SimulatorContext context;

  public ApiPipeline(SimulatorContext context) {
    this.context = context;
  }

  public void serve(HttpExchange exchange, ApiEndpoint endpoint) throws IOException {
    if (!endpoint.method().equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", endpoint.method());
      HttpIo.sendError(
          exchange,
          405,
          "invalid_request_error",
          "method " + exchange.getRequestMethod() + " not allowed; use " + endpoint.method());
      return;
    }
    byte[] body = HttpIo.readBody(exchange);
    if (body == null) {
      HttpIo.sendError(exchange, 413, "invalid_request_error", "request body too large");
      return;
    }
    String apiKey = bearerKey(exchange);
    if (apiKey == null) {
      HttpIo.sendError(
          exchange,
          401,
          "authentication_error",
          "missing or malformed Authorization header; expected 'Bearer <api key>'");
      return;
    }
    Optional<KeyState> found = context.keys().find(apiKey);
    if (found.isEmpty()) {
      HttpIo.sendError(exchange, 401, "authentication_error", "invalid API key");
      return;
    }
    KeyState key = found.get();
    // One read of the behaviour per request: a change made meanwhile applies to the next one.
    KeyBehaviour behaviour = key.behaviour();
    String path = endpoint.path();
    if (behaviour.revoked()) {
      witness(behaviour, context.clock().millis(), 0, 401, false, path);
      HttpIo.sendError(exchange, 401, "authentication_error", "API key has been revoked");
      return;
    }
    ApiEndpoint.Call call;
    try {
      call = endpoint.prepare(body, context);
    } catch (BadRequest e) {
      witness(behaviour, context.clock().millis(), 0, 400, false, path);
      HttpIo.sendError(exchange, 400, "invalid_request_error", e.getMessage());
      return;
    }
    Admission admission =
        key.admit(
            behaviour,
            context.clock(),
            context.seed(),
            call.promptTokens(),
            call.completionTokens());
    if (!admission.admitted()) {
      witness(behaviour, admission.at(), admission.tokens(), 429, false, path);
      exchange
          .getResponseHeaders()
          .set("Retry-After", Integer.toString(admission.retryAfterSeconds()));
      HttpIo.sendError(
          exchange,
          429,
          "rate_limit_error",
          "rate limit exceeded for key '"
              + behaviour.label()
              + "': "
              + admission.reason()
              + "; retry after "
              + admission.retryAfterSeconds()
              + " s");
      return;
    }
    ResponsePlan plan = admission.plan();
    witness(behaviour, admission.at(), admission.tokens(), plan.status(), true, path);
    if (plan.hang()) {
      hang(plan);
    }
    context.shutdown().pause(plan.delayMs());
    if (plan.failing()) {
      HttpIo.sendError(
          exchange,
          plan.errorStatus(),
          "server_error",
          "simulated upstream failure (" + plan.errorStatus() + ")");
      return;
    }
    call.respond(exchange, plan);
  }

  /** Holds an admitted request; one that never answers has its connection dropped in the end. */
  private void hang(ResponsePlan plan) {
    if (plan.neverAnswers()) {
      context.shutdown().pause(context.maxHangMs());
      throw new AbruptClose("hang without hang_ms reached the simulator's maxHang");
    }
    context.shutdown().pause(plan.hangMs());
  }

  private void witness(
      KeyBehaviour b, long at, long tokens, int status, boolean accepted, String path) {
    context.witness().record(new WitnessEntry(b.label(), at, tokens, status, accepted, path));
  }

  /** The key from {@code Authorization: Bearer <key>} (scheme in any case), or null. */
  static String bearerKey(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null) {
      return null;
    }
    String trimmed = header.trim();
    if (trimmed.length() < 7
        || !trimmed.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      return null;
    }
    String key = trimmed.substring(7).trim();
    return key.isEmpty() ? null : key;
  }
}
