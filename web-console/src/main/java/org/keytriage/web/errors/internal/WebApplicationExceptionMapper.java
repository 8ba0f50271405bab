package org.keytriage.web.errors.internal;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JAX-RS runtime's own refusals (no such path, wrong method, wrong content type, nothing
 * acceptable) as JSON errors instead of the server's HTML pages. The runtime's message is not
 * passed on: it can name internal classes.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Context UriInfo uri;
  @Context Request request;

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original == null ? 500 : original.getStatus();
    String path = uri.getPath().startsWith("/") ? uri.getPath() : "/" + uri.getPath();
    Map<String, String> headers = new LinkedHashMap<>();
    if (original != null && original.getHeaderString("Allow") != null) {
      headers.put("Allow", original.getHeaderString("Allow"));
    }
    return org.keytriage.web.errors.ErrorResponses.render(
        path, status, code(status), title(status), detail(status, path), headers);
  }

  private static String code(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 406 -> "not_acceptable";
      case 413 -> "body_too_large";
      case 415 -> "unsupported_media_type";
      default -> "http_" + status;
    };
  }

  private static String title(int status) {
    Response.Status s = Response.Status.fromStatusCode(status);
    return s == null ? "HTTP " + status : s.getReasonPhrase();
  }

  private String detail(int status, String path) {
    String method = request == null ? "" : request.getMethod();
    return switch (status) {
      case 404 -> "There is no endpoint at " + path + ". See /openapi for the API.";
      case 405 -> method + " is not allowed on " + path + ".";
      case 406 -> "None of the media types in the Accept header can be produced for " + path + "; accept application/json.";
      case 415 -> "Send the body as JSON with the header Content-Type: application/json.";
      case 413 -> "The request body is too large.";
      default -> "The request to " + path + " could not be handled (HTTP " + status + ").";
    };
  }
}
