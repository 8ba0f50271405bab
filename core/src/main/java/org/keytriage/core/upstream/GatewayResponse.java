package org.keytriage.core.upstream;

import java.util.Map;
import org.keytriage.spi.UpstreamResponse;

/**
 * The upstream's answer to one client request, with how it was served.
 *
 * @param status the HTTP status of the answer (2xx)
 * @param body the JSON body as an object tree (maps, lists, strings, numbers, booleans); for a
 *     stream, the assembled equivalent of a non-streaming chat completion
 * @param keyId the key that served it
 * @param tokens tokens the serving call used, as booked
 * @param cost {@code tokens.total × cost_per_token} of the serving key
 * @param attempts upstream calls made for this request, the serving one included
 * @param latencyMillis the serving call's response time
 */
public record GatewayResponse(
    int status,
    Map<String, Object> body,
    String keyId,
    TokenUsage tokens,
    double cost,
    int attempts,
    long latencyMillis) {

  public GatewayResponse {
    body = body == null ? Map.of() : body;
  }

  /** The same answer, counting {@code n} attempts. */
  public GatewayResponse withAttempts(int n) {
    return new GatewayResponse(status, body, keyId, tokens, cost, n, latencyMillis);
  }

  /** The answer in the shape a task handler parses. */
  public UpstreamResponse toUpstreamResponse() {
    return new UpstreamResponse(status, body);
  }

  @Override
  public String toString() {
    // the body is the model's answer, which may hold patient data
    return "GatewayResponse[status=" + status + ", keyId=" + keyId + ", tokens=" + tokens
        + ", cost=" + cost + ", attempts=" + attempts + ", latencyMillis=" + latencyMillis + "]";
  }
}
