package org.keytriage.core.upstream.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The body actually sent, derived from the task handler's body. */
final class RequestBodies {
  private RequestBodies() {}

  /** A non-streaming call: any {@code stream} or {@code stream_options} is removed. */
  static Map<String, Object> forCompletion(Map<String, Object> body) {
    Map<String, Object> b = new LinkedHashMap<>(body);
    b.remove("stream");
    b.remove("stream_options");
    return b;
  }

  /**
   * A streaming call: {@code stream: true} and {@code stream_options.include_usage: true} (other
   * stream options kept), so the final chunk carries the real usage to settle.
   */
  static Map<String, Object> forStreaming(Map<String, Object> body) {
    Map<String, Object> b = new LinkedHashMap<>(body);
    b.put("stream", true);
    Map<String, Object> options = new LinkedHashMap<>();
    if (body.get("stream_options") instanceof Map<?, ?> given) {
      given.forEach((k, v) -> options.put(String.valueOf(k), v));
    }
    options.put("include_usage", true);
    b.put("stream_options", options);
    return b;
  }

  /** Whether the caller asked for the usage chunk itself (then it is relayed to them). */
  static boolean callerWantsUsage(Map<String, Object> body) {
    return body.get("stream_options") instanceof Map<?, ?> o
        && Boolean.TRUE.equals(o.get("include_usage"));
  }
}
