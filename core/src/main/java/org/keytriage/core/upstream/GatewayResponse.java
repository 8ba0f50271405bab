package org.keytriage.core.upstream;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.keytriage.core.json.JsonTrees;
import org.keytriage.spi.UpstreamResponse;

/**
 * The upstream's answer to one client request, with how it was served. The body is kept in the
 * form it came in: the upstream's bytes for a relayed answer (so the edge sends them on unchanged),
 * a tree for a stream's assembled answer; the other form is made on first use, once. Immutable and
 * thread-safe.
 */
public final class GatewayResponse {
  private final int status;
  private final String keyId;
  private final TokenUsage tokens;
  private final double cost;
  private final int attempts;
  private final long latencyMillis;
  // at least one is set; the other is derived from it on first use (a benign race: same result)
  private volatile Map<String, Object> tree;
  private volatile byte[] bytes;

  /**
   * An answer held as a tree.
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
  public GatewayResponse(
      int status, Map<String, Object> body, String keyId, TokenUsage tokens, double cost, int attempts,
      long latencyMillis) {
    this(status, body == null ? Map.of() : body, null, keyId, tokens, cost, attempts, latencyMillis);
  }

  private GatewayResponse(
      int status, Map<String, Object> tree, byte[] bytes, String keyId, TokenUsage tokens, double cost,
      int attempts, long latencyMillis) {
    this.status = status;
    this.tree = tree;
    this.bytes = bytes;
    this.keyId = keyId;
    this.tokens = tokens;
    this.cost = cost;
    this.attempts = attempts;
    this.latencyMillis = latencyMillis;
  }

  /**
   * An answer held as the upstream's bytes: a JSON object, as checked by whoever read it.
   *
   * @param json the body's UTF-8 bytes; not copied, so the caller must not change them afterwards
   */
  public static GatewayResponse ofBytes(
      int status, byte[] json, String keyId, TokenUsage tokens, double cost, int attempts, long latencyMillis) {
    return new GatewayResponse(status, null, Objects.requireNonNull(json, "json"), keyId, tokens, cost, attempts,
        latencyMillis);
  }

  public int status() {
    return status;
  }

  /** The body as an object tree, parsed from the bytes on first use. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> body() {
    Map<String, Object> t = tree;
    if (t == null) {
      t = (Map<String, Object>) JsonTrees.parse(new String(bytes, StandardCharsets.UTF_8));
      tree = t;
    }
    return t;
  }

  /**
   * The body as JSON bytes: the upstream's own for a relayed answer, written from the tree once
   * otherwise. Not a copy: do not change it.
   */
  public byte[] bodyBytes() {
    byte[] b = bytes;
    if (b == null) {
      b = JsonTrees.write(tree).getBytes(StandardCharsets.UTF_8);
      bytes = b;
    }
    return b;
  }

  public String keyId() {
    return keyId;
  }

  public TokenUsage tokens() {
    return tokens;
  }

  public double cost() {
    return cost;
  }

  public int attempts() {
    return attempts;
  }

  public long latencyMillis() {
    return latencyMillis;
  }

  /** The same answer, counting {@code n} attempts. */
  public GatewayResponse withAttempts(int n) {
    return new GatewayResponse(status, tree, bytes, keyId, tokens, cost, n, latencyMillis);
  }

  /** The answer in the shape a task handler parses. */
  public UpstreamResponse toUpstreamResponse() {
    return new UpstreamResponse(status, body());
  }

  @Override
  public String toString() {
    // the body is the model's answer, which may hold patient data
    return "GatewayResponse[status=" + status + ", keyId=" + keyId + ", tokens=" + tokens
        + ", cost=" + cost + ", attempts=" + attempts + ", latencyMillis=" + latencyMillis + "]";
  }
}
