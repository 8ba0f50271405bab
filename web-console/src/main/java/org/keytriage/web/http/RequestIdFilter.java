package org.keytriage.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.keytriage.core.gateway.RequestIds;

/**
 * Gives every request an id and returns it as {@code x-request-id} on every response, errors
 * included; the request's event and request-log row carry the same id, so an integrator can quote
 * it and an operator find the row. The id is always KeyTriage's own: it is the log's key, and a
 * caller's id could repeat.
 */
@WebFilter(filterName = "keytriage-request-id", urlPatterns = "/*", asyncSupported = true)
public class RequestIdFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  /** The response header. */
  public static final String HEADER = "x-request-id";
  private static final String ATTRIBUTE = RequestIdFilter.class.getName();

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String id = RequestIds.next();
    request.setAttribute(ATTRIBUTE, id);
    response.setHeader(HEADER, id);
    chain.doFilter(request, response);
  }

  /** The request's id; a new one for a request that did not pass the filter. */
  public static String of(ServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    return id instanceof String s ? s : RequestIds.next();
  }
}
