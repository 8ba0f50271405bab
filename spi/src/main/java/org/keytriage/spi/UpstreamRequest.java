package org.keytriage.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The NVIDIA call a task handler wants made. The gateway adds the key, base URL and deadline.
 *
 * @param path the endpoint path below the key's base URL, e.g. {@code /v1/chat/completions}
 * @param model the model id, recorded in metrics
 * @param body the JSON request body as an object tree; kept as an unmodifiable copy in the given
 *     key order, which is the order the body is sent in; empty when null
 * @param streaming whether the response is a server-sent-event stream
 */
public record UpstreamRequest(String path, String model, Map<String, Object> body, boolean streaming) {
  /**
   * @throws IllegalArgumentException when {@code path} does not start with {@code /}
   * @throws NullPointerException for a null key or top-level value in {@code body}: leave such a
   *     key out instead (OpenAI's API reads a null as not given)
   */
  public UpstreamRequest {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/', was " + path);
    }
    body = body == null ? Map.of() : orderedCopy(body);
  }

  private static Map<String, Object> orderedCopy(Map<String, Object> body) {
    Map<String, Object> copy = new LinkedHashMap<>();
    body.forEach((k, v) -> {
      Objects.requireNonNull(k, "a body key is null");
      copy.put(k, Objects.requireNonNull(v, () -> "the body's value of '" + k + "' is null"));
    });
    return Collections.unmodifiableMap(copy);
  }

  @Override
  public String toString() {
    // the body holds the prompt, which may be patient data
    return "UpstreamRequest[path=" + path + ", model=" + model + ", streaming=" + streaming + "]";
  }
}
