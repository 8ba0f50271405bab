package org.keytriage.web.errors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request the application refuses, with everything its error answer needs. The detail is for the
 * caller: it says what to change and never holds a secret or request content.
 *
 * <p>An expected outcome (a wrong token, a bad body, too many streams), so no stack trace is
 * filled in: a flood of refused calls must not cost a stack walk each.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String title;
  private final transient Map<String, String> headers;

  /**
   * @param status the HTTP status
   * @param code a stable snake_case slug, e.g. {@code task_type_required}
   * @param title a short summary that does not change between occurrences
   * @param detail this occurrence, for a person
   */
  public ApiException(int status, String code, String title, String detail) {
    this(status, code, title, detail, Map.of());
  }

  public ApiException(int status, String code, String title, String detail, Map<String, String> headers) {
    super(detail, null, false, false);
    this.status = status;
    this.code = Objects.requireNonNull(code, "code");
    this.title = Objects.requireNonNull(title, "title");
    this.headers = Map.copyOf(headers);
  }

  public static ApiException badRequest(String code, String title, String detail) {
    return new ApiException(400, code, title, detail);
  }

  public static ApiException notFound(String code, String title, String detail) {
    return new ApiException(404, code, title, detail);
  }

  /** A 401 that asks for credentials of {@code scheme} ("Bearer" or "Basic"). */
  public static ApiException unauthorized(String scheme, String code, String detail) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("WWW-Authenticate", scheme + " realm=\"keytriage\"");
    return new ApiException(401, code, "Authentication required", detail, h);
  }

  public static ApiException forbidden(String code, String detail) {
    return new ApiException(403, code, "Not allowed", detail);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  /** Extra response headers, e.g. {@code WWW-Authenticate} or {@code Retry-After}. */
  public Map<String, String> headers() {
    return headers;
  }
}
