package org.keytriage.web.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.keytriage.core.json.JsonTrees;

/**
 * Renders an error in the shape the path's callers expect: OpenAI's on {@code /v1/…}, RFC 9457
 * problem details elsewhere.
 */
public final class ErrorResponses {
  /** The media type of problem details (RFC 9457). */
  public static final String PROBLEM_JSON = "application/problem+json";

  /** Problem {@code type} URIs are this prefix plus the code with dashes. */
  public static final String PROBLEM_TYPE_PREFIX = "urn:keytriage:problem:";

  private ErrorResponses() {}

  public static Response render(UriInfo uri, ApiException e) {
    return render(path(uri), e.status(), e.code(), e.title(), e.getMessage(), e.headers());
  }

  public static Response render(UriInfo uri, int status, String code, String title, String detail) {
    return render(path(uri), status, code, title, detail, Map.of());
  }

  /**
   * @param path the request path from the context root, with or without a leading slash
   */
  public static Response render(
      String path, int status, String code, String title, String detail, Map<String, String> headers) {
    return render(path, status, code, title, detail, headers, Map.of());
  }

  /**
   * Like {@link #render(String, int, String, String, String, Map)}, with extension members added
   * to a problem body (RFC 9457 §3.2), e.g. {@code errors}; OpenAI's shape has no room for them.
   */
  public static Response render(String path, int status, String code, String title, String detail,
      Map<String, String> headers, Map<String, Object> extensions) {
    return ErrorAnswer.of(path, status, code, title, detail, headers, extensions).toResponse();
  }

  /** Whether the path is one of the OpenAI-compatible ones, whose callers are OpenAI SDKs. */
  public static boolean openAiPath(String path) {
    String p = path.startsWith("/") ? path : "/" + path;
    return p.equals("/v1") || p.startsWith("/v1/");
  }

  /** OpenAI's error body: {@code {"error":{"message","type","code"}}}. */
  public static Map<String, Object> openAi(int status, String code, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("type", openAiType(status));
    error.put("code", code);
    return Map.of("error", error);
  }

  /** RFC 9457 problem details. */
  public static Map<String, Object> problem(String instance, int status, String code, String title, String detail) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", PROBLEM_TYPE_PREFIX + code.replace('_', '-').toLowerCase(Locale.ROOT));
    m.put("title", title);
    m.put("status", status);
    m.put("detail", detail);
    m.put("instance", instance);
    return m;
  }

  /** The {@code type} OpenAI uses for a status, so SDK users see familiar categories. */
  static String openAiType(int status) {
    return switch (status) {
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 429 -> "rate_limit_error";
      default -> status >= 500 ? "server_error" : "invalid_request_error";
    };
  }

  private static String path(UriInfo uri) {
    return uri == null ? "/" : uri.getPath();
  }
}
