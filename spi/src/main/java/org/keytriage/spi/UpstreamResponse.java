package org.keytriage.spi;

import java.util.Map;

/**
 * A successful upstream answer handed to a task handler for parsing.
 *
 * @param status the HTTP status (2xx)
 * @param body the JSON response body as an object tree; for a stream, the assembled equivalent of
 *     a non-streaming response
 */
public record UpstreamResponse(int status, Map<String, Object> body) {
  public UpstreamResponse {
    body = body == null ? Map.of() : body;
  }

  @Override
  public String toString() {
    return "UpstreamResponse[status=" + status + "]";
  }
}
