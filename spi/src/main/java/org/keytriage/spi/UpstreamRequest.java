package org.keytriage.spi;

import java.util.Map;

/**
 * The NVIDIA call a task handler wants made. The gateway adds the key, base URL and deadline.
 *
 * @param path the endpoint path below the key's base URL, e.g. {@code /v1/chat/completions}
 * @param model the model id, recorded in metrics
 * @param body the JSON request body as an object tree
 * @param streaming whether the response is a server-sent-event stream
 */
public record UpstreamRequest(String path, String model, Map<String, Object> body, boolean streaming) {
  public UpstreamRequest {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/', was " + path);
    }
    body = body == null ? Map.of() : Map.copyOf(body);
  }

  @Override
  public String toString() {
    // the body holds the prompt, which may be patient data
    return "UpstreamRequest[path=" + path + ", model=" + model + ", streaming=" + streaming + "]";
  }
}
