package org.keytriage.web.errors.internal;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Map;
import org.keytriage.core.routing.NoAvailableKeyException;
import org.keytriage.web.errors.ErrorResponses;

/**
 * No key could take the request: 503 with the guide's {@code No available API key for task: …} and
 * {@code Retry-After} in whole seconds — when capacity frees, or {@value #DEFAULT_RETRY_SECONDS} s
 * when no waiting is known to help (every key inactive or quarantined), so clients back off anyway.
 */
@Provider
public class NoAvailableKeyMapper implements ExceptionMapper<NoAvailableKeyException> {
  static final long DEFAULT_RETRY_SECONDS = 30;

  @Context UriInfo uri;

  @Override
  public Response toResponse(NoAvailableKeyException e) {
    long seconds = e.retryAfter().map(NoAvailableKeyMapper::ceilSeconds).orElse(DEFAULT_RETRY_SECONDS);
    return ErrorResponses.render(uri.getPath(), 503, "no_available_key", "No available API key",
        e.getMessage(), Map.of("Retry-After", Long.toString(seconds)));
  }

  static long ceilSeconds(Duration d) {
    long ms = Math.max(0, d.toMillis());
    return Math.max(1, (ms + 999) / 1000);
  }
}
